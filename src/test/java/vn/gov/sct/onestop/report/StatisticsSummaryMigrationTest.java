package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.gov.sct.onestop.calendar.CalendarConfiguration;
import vn.gov.sct.onestop.calendar.CalendarProperties;

/**
 * A deployment with data upgrades: migrations up to V4, two dossiers in the registry, then V5 and the backfill
 * V5.1, which derive their summary by hand-counted days.
 */
class StatisticsSummaryMigrationTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void the_backfill_derives_the_summary_of_the_dossiers_already_there() {
    DriverManagerDataSource db = new DriverManagerDataSource(
        "jdbc:h2:mem:summary-migration;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(db);
    flyway(db).target("4").load().migrate();

    // A: counter, received Wed 10/1/2024 10:00, due 15/1, solved early on 12/1 in 100 working minutes
    dossier(jdbc, "A", "COUNTER", 9, "2024-01-10T10:00", "2024-01-15T10:00", "2024-01-12T09:00", "EARLY", 100L);
    // B: online, received Thu 11/1 08:00, due Tue 16/1 08:00, supplement requested at 15:00, still waiting
    dossier(jdbc, "B", "ONLINE", 5, "2024-01-11T08:00", "2024-01-16T08:00", null, null, null);
    status(jdbc, "B", 2, "2024-01-11T08:00", "2024-01-11T15:00");
    status(jdbc, "B", 5, "2024-01-11T15:00", null);

    flyway(db).javaMigrations(new V5_1__StatisticsSummaryBackfill(
        new CalendarConfiguration().workingCalendar(new CalendarProperties(null, null, null)))).load().migrate();

    Map<String, String> days = new LinkedHashMap<>();
    jdbc.query("select * from dossier_summary_day order by local_day", rs -> {
      StringBuilder nonZero = new StringBuilder();
      for (Measure m : Measure.values()) {
        long v = rs.getLong(m.column());
        if (v != 0) {
          nonZero.append(nonZero.isEmpty() ? "" : " ").append(m.column()).append('=').append(v);
        }
      }
      days.put(rs.getObject("local_day", LocalDate.class) + " " + rs.getString("procedure_code"), nonZero.toString());
    });
    assertThat(days).containsExactly(
        Map.entry("2024-01-10 promotion-registration", "received_counter=1 on_hand=1 on_hand_within=1"),
        Map.entry("2024-01-11 promotion-registration",
            "received_online=1 on_hand=1 on_hand_within=1 paused=1 paused_within=1"),
        Map.entry("2024-01-12 promotion-registration",
            "solved_early=1 processing_minutes=100 timed=1 on_hand=-1 on_hand_within=-1"),
        Map.entry("2024-01-16 promotion-registration",
            "on_hand_within=-1 on_hand_past=1 paused_within=-1 paused_past=1"));
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource db) {
    return Flyway.configure().dataSource(db).locations("classpath:db/migration").table("onestop_schema_history")
        .baselineOnMigrate(true).baselineVersion("0");
  }

  private static void dossier(JdbcTemplate jdbc, String code, String channel, int status, String received, String due,
      String completed, String timeliness, Long minutes) {
    jdbc.update("insert into dossier (code, procedure_code, division, channel, status, applicant_name, registered_at, "
            + "received_at, due_at, completed_at, outcome, timeliness, processing_minutes, updated_at) "
            + "values (?, 'promotion-registration', 'trade-management', ?, ?, 'Công ty', ?, ?, ?, ?, ?, ?, ?, ?)",
        code, channel, status, at(received), at(received), at(due), at(completed),
        completed == null ? null : "APPROVED", timeliness, minutes, at(received));
  }

  private static void status(JdbcTemplate jdbc, String code, int status, String from, String until) {
    jdbc.update("insert into dossier_status_change (dossier_code, status, changed_at, ended_at) values (?, ?, ?, ?)",
        code, status, at(from), at(until));
  }

  private static OffsetDateTime at(String local) {
    return local == null ? null : LocalDateTime.parse(local).atZone(VN).toInstant().atOffset(ZoneOffset.UTC);
  }
}
