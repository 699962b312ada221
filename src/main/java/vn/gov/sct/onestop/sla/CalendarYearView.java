package vn.gov.sct.onestop.sla;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import vn.gov.sct.onestop.calendar.CalendarEntry;
import vn.gov.sct.onestop.calendar.CalendarYear;
import vn.gov.sct.onestop.calendar.DayKind;

/**
 * One year of the civil-service calendar for citizens and operators: every day off and every worked weekend day,
 * and whether the year is counted on its official notice or provisionally on the statutory rule.
 */
public record CalendarYearView(
    int year,
    @Schema(description = "OFFICIAL (thông báo chính thức) or PROVISIONAL (tạm tính theo luật)") String status,
    @Schema(example = "tạm tính") String statusLabel,
    @Schema(description = "The notice file, or the statutory rule for a provisional year") String source,
    List<Day> days) {

  /** A day off (HOLIDAY) or a worked Saturday or Sunday (WORKING). */
  public record Day(LocalDate date, String kind, String kindLabel, String name, String source, boolean provisional) {}

  static CalendarYearView of(CalendarYear year) {
    boolean provisional = year.provisional();
    List<Day> days = year.entries().stream().map(e -> day(e, provisional)).toList();
    return new CalendarYearView(year.year(), provisional ? "PROVISIONAL" : "OFFICIAL",
        provisional ? "tạm tính" : "chính thức",
        provisional ? "Bộ luật Lao động 45/2019/QH14, Điều 111, 112 (lịch tạm tính, chưa có thông báo chính thức)"
            : year.origin().replaceFirst("^.*[/\\\\]", ""),
        days);
  }

  private static Day day(CalendarEntry e, boolean provisional) {
    return new Day(e.date(), e.kind().name(), e.kind() == DayKind.HOLIDAY ? "Ngày nghỉ" : "Ngày làm việc bù",
        e.name(), e.source(), provisional);
  }
}
