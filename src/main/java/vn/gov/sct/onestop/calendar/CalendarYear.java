package vn.gov.sct.onestop.calendar;

import java.util.List;

/**
 * The non-standard days of one year, as read from one file.
 *
 * @param year the calendar year
 * @param entries its holidays and worked weekend days, in date order
 * @param origin where it was read from (for messages)
 */
public record CalendarYear(int year, List<CalendarEntry> entries, String origin) {

  public CalendarYear {
    entries = List.copyOf(entries);
  }

  /** The file name a year's data is expected in, relative to the classpath or the data folder. */
  public static String fileName(int year) {
    return "vn-" + year + ".yaml";
  }
}
