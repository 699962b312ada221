package vn.gov.sct.onestop.calendar;

/**
 * A computation reached a year for which no working-day calendar was loaded. Deadlines are never
 * guessed from the weekday rule alone: the year's official schedule must be added first.
 */
public class CalendarDataMissingException extends RuntimeException {

  private final int year;

  public CalendarDataMissingException(int year) {
    super(
        "No working-day calendar for "
            + year
            + ": add calendar/"
            + CalendarYear.fileName(year)
            + " (to the classpath or to the folder onestop.calendar.data-dir)");
    this.year = year;
  }

  /** The year without data. */
  public int year() {
    return year;
  }
}
