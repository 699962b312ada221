package vn.gov.sct.onestop.handoff;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

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

  public void handOff(String dossierCode, String fromUnit, String toUnit, String actor, Instant at, Instant dueAt) {
    closeOpenEntry(dossierCode, at, actor);
    Integer last = jdbc.queryForObject(
        "select coalesce(max(seq), 0) from dossier_handoff where dossier_code = ?", Integer.class, dossierCode);
    jdbc.update("""
        insert into dossier_handoff (dossier_code, seq, from_unit, from_user, to_unit, handed_at, due_at)
        values (?, ?, ?, ?, ?, ?, ?)""",
        dossierCode, last + 1, fromUnit, actor, toUnit, at(at), at(dueAt));
  }

  /** The last unit finished its share: the dossier left the workflow (result returned). */
  public void closeOpenEntry(String dossierCode, Instant at) {
    closeOpenEntry(dossierCode, at, null);
  }

  private void closeOpenEntry(String dossierCode, Instant at, String actor) {
    List<ControlSlipEntry> open = jdbc.query(
        "select * from dossier_handoff where dossier_code = ? and finished_at is null", ControlSlip::map, dossierCode);
    for (ControlSlipEntry entry : open) {
      String timeliness = entry.dueAt() == null ? null : calendar.classify(at, entry.dueAt()).name();
      jdbc.update("update dossier_handoff set finished_at = ?, finished_by = ?, timeliness = ? "
          + "where dossier_code = ? and seq = ?", at(at), actor, timeliness, dossierCode, entry.seq());
    }
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
