package vn.gov.sct.onestop.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mã hồ sơ: {@code {agency code}-{yymmdd}-{daily sequence}}, e.g. {@code H15.50-261008-0975}.
 *
 * <p>The number comes from a counter row per agency and day, incremented under the agency's row lock
 * inside the caller's transaction (the engine's): concurrent submissions queue on the lock, so numbers
 * are consecutive, and a rolled-back submission gives its number back, so there are no gaps.
 */
@Component
public class DossierCodeGenerator {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private final JdbcTemplate jdbc;
  private final String agencyCode;

  public DossierCodeGenerator(JdbcTemplate jdbc, DossierProperties properties) {
    this.jdbc = jdbc;
    this.agencyCode = properties.agencyCode();
    ensureAgencyRow();
  }

  /** The next code for a dossier registered on the given day (the department's local date). */
  public String next(LocalDate day) {
    int locked = jdbc.update(
        "update dossier_code_agency set agency_code = agency_code where agency_code = ?", agencyCode);
    if (locked != 1) {
      throw new IllegalStateException("Missing dossier_code_agency row for " + agencyCode);
    }
    int updated = jdbc.update(
        "update dossier_code_counter set last_number = last_number + 1 where agency_code = ? and issue_date = ?",
        agencyCode, day);
    if (updated == 0) {
      jdbc.update("insert into dossier_code_counter (agency_code, issue_date, last_number) values (?, ?, 1)",
          agencyCode, day);
    }
    Integer number = jdbc.queryForObject(
        "select last_number from dossier_code_counter where agency_code = ? and issue_date = ?",
        Integer.class, agencyCode, day);
    return format(agencyCode, day, number);
  }

  static String format(String agencyCode, LocalDate day, int number) {
    return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", number);
  }

  /** Runs once on start in its own transaction; a second node inserting the same row at once is fine. */
  private void ensureAgencyRow() {
    try {
      jdbc.update("insert into dossier_code_agency (agency_code) select ? where not exists "
          + "(select 1 from dossier_code_agency where agency_code = ?)", agencyCode, agencyCode);
    } catch (DuplicateKeyException alreadyThere) {
      // another node created it between our check and our insert
    }
  }
}
