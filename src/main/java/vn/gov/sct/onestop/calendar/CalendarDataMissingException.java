package vn.gov.sct.onestop.calendar;

/**
 * A computation reached a year outside the range the calendar counts: years with an official notice file, and the
 * years {@value StatutoryCalendar#FIRST_YEAR}–{@value StatutoryCalendar#LAST_YEAR} for which the statutory rule gives
 * a provisional calendar. Anything else (a typo such as 2206, a date from another century) is refused, not guessed.
 */
public class CalendarDataMissingException extends RuntimeException {

  private final int year;

  public CalendarDataMissingException(int year) {
    super(
        "No working-day calendar for "
            + year
            + ": working days are counted for "
            + StatutoryCalendar.FIRST_YEAR
            + "–"
            + StatutoryCalendar.LAST_YEAR
            + " (provisionally by the statutory rule where no notice file exists) and for years with a file calendar/"
            + CalendarYear.fileName(year));
    this.year = year;
  }

  /** The year without data. */
  public int year() {
    return year;
  }
}
