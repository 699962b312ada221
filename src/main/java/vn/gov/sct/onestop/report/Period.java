package vn.gov.sct.onestop.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Kỳ báo cáo: the dates [from, to], both included, read in the civil service's time zone. The period starts at
 * 00:00 of {@code from} and ends just before 00:00 of the day after {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {

  public Period {
    if (from == null || to == null) {
      throw new IllegalArgumentException("A period needs both 'from' and 'to' (dates like 2018-01-01)");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
