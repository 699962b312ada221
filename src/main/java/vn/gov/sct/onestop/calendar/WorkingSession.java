package vn.gov.sct.onestop.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A working session of a working day (buổi làm việc), e.g. the morning 07:30–11:30.
 *
 * @param start first instant of the session (inclusive)
 * @param end end of the session (exclusive)
 */
public record WorkingSession(LocalTime start, LocalTime end) {

  /** The morning session of the civil service by default. */
  public static final WorkingSession DEFAULT_MORNING =
      new WorkingSession(LocalTime.of(7, 30), LocalTime.of(11, 30));

  /** The afternoon session of the civil service by default. */
  public static final WorkingSession DEFAULT_AFTERNOON =
      new WorkingSession(LocalTime.of(13, 30), LocalTime.of(17, 30));

  /** The length of the session. */
  public Duration length() {
    return Duration.between(start, end);
  }

  @Override
  public String toString() {
    return start + "–" + end;
  }
}
