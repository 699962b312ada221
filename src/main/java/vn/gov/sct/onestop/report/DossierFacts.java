package vn.gov.sct.onestop.report;

import java.time.Instant;
import java.util.List;

/**
 * What the statistics read of one dossier: its registry row's reported columns and its intervals in status 5
 * (supplement requested) from {@code dossier_status_change}.
 */
public record DossierFacts(String procedureCode, String division, String channel, Instant receivedAt, Instant dueAt,
    Instant completedAt, String outcome, String timeliness, Long processingMinutes, List<Pause> pauses) {

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
