package vn.gov.sct.onestop.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns of the statistics summary ({@code dossier_summary_delta}, {@code dossier_summary_day}), in their
 * order. Flows are counted on the local day of their event; stocks are +1/-1 deltas on the days an interval
 * starts and ends, so a stock at the start of a day is the sum of the deltas of the days before it.
 */
enum Measure {
  RECEIVED_ONLINE,
  RECEIVED_COUNTER,
  RECEIVED_POSTAL,
  SOLVED_EARLY,
  SOLVED_ON_TIME,
  SOLVED_LATE,
  REFUSED,
  WITHDRAWN,
  PROCESSING_MINUTES,
  TIMED,
  /** Stock: received and not finished (carried over, at the period's start). */
  ON_HAND,
  /** Stock: received, not finished, due date not passed. */
  ON_HAND_WITHIN,
  /** Stock: received, not finished, due date passed. */
  ON_HAND_PAST,
  /** Stock: in status 5, supplement requested. */
  PAUSED,
  /** Stock: in status 5 and counted in {@link #ON_HAND_WITHIN}'s conditions (received, due date not passed). */
  PAUSED_WITHIN,
  /** Stock: in status 5, received, due date passed. */
  PAUSED_PAST;

  static final int COUNT = values().length;

  /** The column names, comma-separated, in order. */
  static final String COLUMNS = Arrays.stream(values()).map(Measure::column).collect(Collectors.joining(", "));

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
