package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What the registry tells its listeners of one dossier before and after a change: its registry row's reported
 * columns and its intervals in status 5 (supplement requested) from {@code dossier_status_change}. The statistics
 * turn the difference into summary deltas; the registry reads these facts anyway (row locked) to publish them.
 */
public record DossierFacts(String procedureCode, String division, String channel, Instant receivedAt, Instant dueAt,
    Instant completedAt, String outcome, String timeliness, Long processingMinutes, List<Pause> pauses) {

  /** The registry columns {@link #of(ResultSet, List)} reads. */
  public static final String COLUMNS =
      "procedure_code, division, channel, received_at, due_at, completed_at, outcome, timeliness, processing_minutes";

  /** The facts of the current row of a query that selected {@link #COLUMNS}. */
  public static DossierFacts of(ResultSet rs, List<Pause> pauses) throws SQLException {
    long minutes = rs.getLong("processing_minutes");
    Long processingMinutes = rs.wasNull() ? null : minutes;
    return new DossierFacts(rs.getString("procedure_code"), rs.getString("division"), rs.getString("channel"),
        instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "completed_at"), rs.getString("outcome"),
        rs.getString("timeliness"), processingMinutes, pauses);
  }

  /** The same facts with these intervals in status 5. */
  public DossierFacts withPauses(List<Pause> pauses) {
    return new DossierFacts(procedureCode, division, channel, receivedAt, dueAt, completedAt, outcome, timeliness,
        processingMinutes, pauses);
  }

  /** Whether the dossier is in status 5 now (its last interval in status 5 is still open). */
  public boolean paused() {
    return pauses.stream().anyMatch(pause -> pause.until() == null);
  }

  /** An interval [from, until) in status 5; until is null while the dossier is still paused. */
  public record Pause(Instant from, Instant until) {}
}
