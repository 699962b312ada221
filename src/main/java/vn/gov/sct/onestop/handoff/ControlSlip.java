package vn.gov.sct.onestop.handoff;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.identity.StaffGroups;

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (form 05): the handoffs of every dossier. A handoff closes the
 * sending unit's open line (when it finished, by whom, early / on time / late) and opens the receiving
 * unit's. Written in the engine's transaction.
 */
@Repository
public class ControlSlip {

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;

  public ControlSlip(JdbcTemplate jdbc, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /**
   * Hands the dossier to {@code toUnit}: closes the open line and opens the receiving unit's. The sender is the
   * unit of the last line, or the one-stop desk, where every dossier arrives, for the first handoff; returned.
   */
  public String handOff(String dossierCode, String toUnit, String actor, Instant at, Instant dueAt) {
    Optional<ControlSlipEntry> last = lastEntry(dossierCode);
    last.ifPresent(entry -> close(dossierCode, entry, at, actor));
    String fromUnit = last.map(ControlSlipEntry::toUnit).orElse(StaffGroups.ONE_STOP);
    jdbc.update("""
        insert into dossier_handoff (dossier_code, seq, from_unit, from_user, to_unit, handed_at, due_at,
            due_provisional)
        values (?, ?, ?, ?, ?, ?, ?, ?)""",
        dossierCode, last.map(ControlSlipEntry::seq).orElse(0) + 1, fromUnit, actor, toUnit, at(at), at(dueAt),
        // counted on a year without its official notice: reviewed when the notice arrives (sla/ProvisionalDueDates)
        dueAt != null && calendar.isProvisionalBetween(at, dueAt));
    return fromUnit;
  }

  /** The last unit finished its share: the dossier left the workflow (result returned). */
  public void closeOpenEntry(String dossierCode, Instant at) {
    lastEntry(dossierCode).ifPresent(entry -> close(dossierCode, entry, at, null));
  }

  /** The line of the unit that holds the dossier, while the dossier is in the workflow. */
  public Optional<ControlSlipEntry> openEntry(String dossierCode) {
    return lastEntry(dossierCode).filter(entry -> entry.finishedAt() == null);
  }

  /**
   * A new due date for an open line: its unit's allotments changed while it held the dossier (a model migration
   * retimes the open step). Returns whether the line changed; a line finished meanwhile keeps its record.
   */
  public boolean redate(String dossierCode, ControlSlipEntry entry, Instant dueAt) {
    return jdbc.update("update dossier_handoff set due_at = ?, due_provisional = ? "
            + "where dossier_code = ? and seq = ? and finished_at is null", at(dueAt),
        dueAt != null && calendar.isProvisionalBetween(entry.handedAt(), dueAt), dossierCode, entry.seq()) > 0;
  }

  /** The line of the unit that holds the dossier (the last one; lines are handed on in sequence). */
  private Optional<ControlSlipEntry> lastEntry(String dossierCode) {
    return jdbc.query("select * from dossier_handoff where dossier_code = ? order by seq desc fetch first 1 row only",
        ControlSlip::map, dossierCode).stream().findFirst();
  }

  private void close(String dossierCode, ControlSlipEntry entry, Instant at, String actor) {
    if (entry.finishedAt() != null) {
      return;
    }
    String timeliness = entry.dueAt() == null ? null : calendar.classify(at, entry.dueAt()).name();
    jdbc.update("update dossier_handoff set finished_at = ?, finished_by = ?, timeliness = ? "
        + "where dossier_code = ? and seq = ?", at(at), actor, timeliness, dossierCode, entry.seq());
  }

  public List<ControlSlipEntry> entries(String dossierCode) {
    return jdbc.query("select * from dossier_handoff where dossier_code = ? order by seq", ControlSlip::map,
        dossierCode);
  }

  private static ControlSlipEntry map(ResultSet rs, int row) throws SQLException {
    return new ControlSlipEntry(rs.getInt("seq"), rs.getString("from_unit"), rs.getString("from_user"),
        rs.getString("to_unit"), instant(rs, "handed_at"), instant(rs, "due_at"), instant(rs, "finished_at"),
        rs.getString("finished_by"), rs.getString("timeliness"));
  }
}
