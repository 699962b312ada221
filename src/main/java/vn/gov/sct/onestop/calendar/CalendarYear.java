package vn.gov.sct.onestop.calendar;

import java.util.List;

/**
 * The non-standard days of one year: from its official notice file, or computed by the statutory rule while the
 * notice has not been published.
 *
 * @param year the calendar year
 * @param entries its holidays and worked weekend days, in date order
 * @param origin where it was read from (for messages), or the rule it was computed by
 * @param provisional whether it was computed by {@link StatutoryCalendar} (lịch tạm tính) rather than read from an
 *     official notice file
 */
public record CalendarYear(int year, List<CalendarEntry> entries, String origin, boolean provisional) {

  public CalendarYear {
    entries = List.copyOf(entries);
  }

  /** An official year, read from its notice file. */
  public CalendarYear(int year, List<CalendarEntry> entries, String origin) {
    this(year, entries, origin, false);
  }

  /** The file name a year's data is expected in, relative to the classpath or the data folder. */
  public static String fileName(int year) {
    return "vn-" + year + ".yaml";
  }
}
