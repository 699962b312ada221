package vn.gov.sct.onestop.calendar;

import java.time.LocalDate;

/**
 * One non-standard day of a year file.
 *
 * @param date the day
 * @param kind day off or worked weekend day
 * @param name what the day is, in Vietnamese (e.g. "Tết Dương lịch")
 * @param source the document that announced it, with number and date
 */
public record CalendarEntry(LocalDate date, DayKind kind, String name, String source) {}
