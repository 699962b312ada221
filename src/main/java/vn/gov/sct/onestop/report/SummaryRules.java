package vn.gov.sct.onestop.report;

import static vn.gov.sct.onestop.report.Measure.ON_HAND;
import static vn.gov.sct.onestop.report.Measure.ON_HAND_PAST;
import static vn.gov.sct.onestop.report.Measure.ON_HAND_WITHIN;
import static vn.gov.sct.onestop.report.Measure.PAUSED;
import static vn.gov.sct.onestop.report.Measure.PAUSED_PAST;
import static vn.gov.sct.onestop.report.Measure.PAUSED_WITHIN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.gov.sct.onestop.dossier.DossierFacts;

/**
 * The one place that turns a dossier into summary deltas, used by the registry's incremental writes, the
 * rebuild and the backfill migration. The figures' definitions are those of {@link StatisticsService}: a flow is
 * counted on the local day of its instant; a stock "at the boundary B" counts the intervals with start &lt; B
 * &le; end (end null: still open), which are +1 on the local day of the start and -1 on the local day of the
 * end, so that the stock at the start of day d is the sum of the deltas of the days before d.
 */
final class SummaryRules {

  private SummaryRules() {}

  /** The dossier's whole contribution, times sign (1 to add it, -1 to take it back). */
  static void add(SummaryDeltas out, DossierFacts f, long sign, ZoneId zone) {
    addDossier(out, f, sign, zone);
    for (DossierFacts.Pause pause : f.pauses()) {
      addPause(out, f.procedureCode(), f.division(), f.receivedAt(), f.dueAt(), pause.from(), pause.until(), sign,
          zone);
    }
  }

  /** The contribution of the registry row alone (everything but the pauses). */
  static void addDossier(SummaryDeltas out, DossierFacts f, long sign, ZoneId zone) {
    Day d = new Day(out, f.procedureCode(), f.division(), sign, zone);
    Instant received = f.receivedAt();
    Instant completed = f.completedAt();
    Instant due = f.dueAt();
    if (received != null && f.channel() != null) {
      switch (f.channel()) {
        case "ONLINE" -> d.flow(received, Measure.RECEIVED_ONLINE, 1);
        case "COUNTER" -> d.flow(received, Measure.RECEIVED_COUNTER, 1);
        case "POSTAL" -> d.flow(received, Measure.RECEIVED_POSTAL, 1);
        default -> { }
      }
    }
    if (completed != null) {
      if (f.timeliness() != null) {
        switch (f.timeliness()) {
          case "EARLY" -> d.flow(completed, Measure.SOLVED_EARLY, 1);
          case "ON_TIME" -> d.flow(completed, Measure.SOLVED_ON_TIME, 1);
          case "LATE" -> d.flow(completed, Measure.SOLVED_LATE, 1);
          default -> { }
        }
      } else if ("REFUSED".equals(f.outcome())) {
        d.flow(completed, Measure.REFUSED, 1);
      }
      if ("WITHDRAWN".equals(f.outcome())) {
        d.flow(completed, Measure.WITHDRAWN, 1);
      }
      if (f.processingMinutes() != null) {
        d.flow(completed, Measure.PROCESSING_MINUTES, f.processingMinutes());
        d.flow(completed, Measure.TIMED, 1);
      }
    }
    if (received != null) {
      // received before B, not finished before B
      d.stock(ON_HAND, received, completed);
      if (due != null) {
        // ... and due at or after B
        d.stock(ON_HAND_WITHIN, received, earliest(completed, due));
        // ... and due before B
        d.stock(ON_HAND_PAST, latest(received, due), completed);
      }
    }
  }

  /**
   * The contribution of one interval [from, until) in status 5 of a dossier with that receipt and due date:
   * paused at B when from &lt; B &le; until; within or past the deadline as for {@link Measure#ON_HAND_WITHIN}.
   */
  static void addPause(SummaryDeltas out, String procedureCode, String division, Instant received, Instant due,
      Instant from, Instant until, long sign, ZoneId zone) {
    Day d = new Day(out, procedureCode, division, sign, zone);
    d.stock(PAUSED, from, until);
    if (received != null && due != null) {
      d.stock(PAUSED_WITHIN, latest(from, received), earliest(until, due));
      d.stock(PAUSED_PAST, latest(latest(from, received), due), until);
    }
  }

  /** null is "never": the earlier of an instant and never is the instant. */
  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private record Day(SummaryDeltas out, String procedureCode, String division, long sign, ZoneId zone) {

    void flow(Instant at, Measure measure, long amount) {
      out.add(day(at), procedureCode, division, measure, sign * amount);
    }

    /** Counted at the boundary B when start &lt; B &le; end; an empty interval (end before start) never is. */
    void stock(Measure measure, Instant start, Instant end) {
      if (end != null && end.isBefore(start)) {
        return;
      }
      out.add(day(start), procedureCode, division, measure, sign);
      if (end != null) {
        out.add(day(end), procedureCode, division, measure, -sign);
      }
    }

    private LocalDate day(Instant at) {
      return LocalDate.ofInstant(at, zone);
    }
  }
}
