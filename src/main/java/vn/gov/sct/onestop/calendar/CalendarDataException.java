package vn.gov.sct.onestop.calendar;

/** A calendar data file is malformed or contradicts itself; the message names the file and line. */
public class CalendarDataException extends RuntimeException {

  public CalendarDataException(String message) {
    super(message);
  }

  public CalendarDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
