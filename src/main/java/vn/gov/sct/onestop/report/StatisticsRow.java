package vn.gov.sct.onestop.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of the period report (báo cáo tình hình, kết quả giải quyết thủ tục hành chính). The counts are
 * defined in {@link StatisticsService}.
 *
 * @param key procedure code, division id, or {@code overall}
 * @param label the Vietnamese name of the procedure or division
 * @param averageProcessingDays working days from receipt to result, over the dossiers solved in the period;
 *     null when none was solved
 * @param onTimeShare (early + on time) / solved, between 0 and 1; null when none was solved
 */
public record StatisticsRow(
    String key,
    String label,
    long carriedOver,
    long receivedOnline,
    long receivedCounter,
    long receivedPostal,
    long solvedEarly,
    long solvedOnTime,
    long solvedLate,
    long inProcessWithinDeadline,
    long inProcessPastDeadline,
    long pausedForSupplement,
    long refused,
    long withdrawn,
    BigDecimal averageProcessingDays,
    BigDecimal onTimeShare) {

  /** Newly received in the period, every channel. */
  @JsonProperty
  public long received() {
    return receivedOnline + receivedCounter + receivedPostal;
  }

  /** Carried over plus received: what the department had to deal with in the period. */
  @JsonProperty
  public long total() {
    return carriedOver + received();
  }

  @JsonProperty
  public long solved() {
    return solvedEarly + solvedOnTime + solvedLate;
  }

  @JsonProperty
  public long inProcess() {
    return inProcessWithinDeadline + inProcessPastDeadline;
  }

  /** The raw sums of one group, before the averages are taken. */
  record Sums(long carriedOver, long receivedOnline, long receivedCounter, long receivedPostal, long solvedEarly,
      long solvedOnTime, long solvedLate, long inProcessWithinDeadline, long inProcessPastDeadline,
      long pausedForSupplement, long refused, long withdrawn, long processingMinutes, long timedDossiers) {

    static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Sums plus(Sums o) {
      return new Sums(carriedOver + o.carriedOver, receivedOnline + o.receivedOnline,
          receivedCounter + o.receivedCounter, receivedPostal + o.receivedPostal, solvedEarly + o.solvedEarly,
          solvedOnTime + o.solvedOnTime, solvedLate + o.solvedLate,
          inProcessWithinDeadline + o.inProcessWithinDeadline, inProcessPastDeadline + o.inProcessPastDeadline,
          pausedForSupplement + o.pausedForSupplement, refused + o.refused, withdrawn + o.withdrawn,
          processingMinutes + o.processingMinutes, timedDossiers + o.timedDossiers);
    }

    StatisticsRow row(String key, String label, long minutesPerDay) {
      long solved = solvedEarly + solvedOnTime + solvedLate;
      BigDecimal average = timedDossiers == 0 ? null
          : BigDecimal.valueOf(processingMinutes)
              .divide(BigDecimal.valueOf(timedDossiers * minutesPerDay), 2, RoundingMode.HALF_UP);
      BigDecimal share = solved == 0 ? null
          : BigDecimal.valueOf(solvedEarly + solvedOnTime).divide(BigDecimal.valueOf(solved), 4, RoundingMode.HALF_UP);
      return new StatisticsRow(key, label, carriedOver, receivedOnline, receivedCounter, receivedPostal, solvedEarly,
          solvedOnTime, solvedLate, inProcessWithinDeadline, inProcessPastDeadline, pausedForSupplement, refused,
          withdrawn, average, share);
    }
  }
}
