package vn.gov.sct.onestop.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.calendar.StatutoryCalendar;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * The working-day calendar for citizens and operators (public, rate limited like every /api/v1/public endpoint): the
 * days off of a year with their sources, and the legal due date a dossier would get. Here rather than in
 * {@code calendar/}, which imports nothing of ours; the due date needs the catalog.
 */
@RestController
@RequestMapping(path = "/api/v1/public/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lịch làm việc", description = "Ngày nghỉ lễ, Tết, ngày làm bù và hạn giải quyết hồ sơ theo ngày làm việc "
    + "(official notices, or the provisional statutory calendar for a year without one)")
public class PublicCalendarController {

  private final WorkingCalendar calendar;
  private final Deadlines deadlines;
  private final ProcedureCatalog catalog;

  public PublicCalendarController(WorkingCalendar calendar, Deadlines deadlines, ProcedureCatalog catalog) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.catalog = catalog;
  }

  @GetMapping("/{year}")
  @Operation(summary = "Ngày nghỉ và ngày làm bù của một năm",
      description = "Every day off and every worked Saturday or Sunday of the year, each with its kind, Vietnamese "
          + "name and source (the notice, or the statutory rule marked provisional), and whether the year as a whole "
          + "is OFFICIAL or PROVISIONAL. Years 1990–2099.")
  @ApiResponse(responseCode = "200", description = "Lịch của năm")
  @ApiResponse(responseCode = "400", description = "Năm ngoài phạm vi", content = @Content(mediaType = "application/problem+json"))
  public CalendarYearView year(@Parameter(example = "2027") @PathVariable("year") String year) {
    return CalendarYearView.of(calendar.year(checkYear(year)));
  }

  @GetMapping("/due")
  @Operation(summary = "Hạn giải quyết của hồ sơ tiếp nhận vào một thời điểm",
      description = "The legal due date that a dossier of the procedure received at receivedAt (ISO-8601 instant, "
          + "e.g. 2026-12-20T03:00:00Z) would get, and whether it is provisional.")
  @ApiResponse(responseCode = "200", description = "Hạn giải quyết")
  @ApiResponse(responseCode = "400", description = "Thiếu hoặc sai tham số", content = @Content(mediaType = "application/problem+json"))
  public DueDateView due(
      @Parameter(description = "Mã thủ tục, e.g. petroleum-retail") @RequestParam(name = "procedure", required = false)
      String procedure,
      @Parameter(description = "Thời điểm tiếp nhận (ISO-8601)") @RequestParam(name = "receivedAt", required = false)
      String receivedAt) {
    List<ApiProblem.FieldIssue> issues = new ArrayList<>();
    if (procedure == null || procedure.isBlank()) {
      issues.add(new ApiProblem.FieldIssue("procedure", "calendar.procedure.required"));
    } else if (catalog.findByCode(procedure).isEmpty()) {
      issues.add(new ApiProblem.FieldIssue("procedure", "calendar.procedure.unknown", procedure));
    }
    Instant received = null;
    if (receivedAt == null || receivedAt.isBlank()) {
      issues.add(new ApiProblem.FieldIssue("receivedAt", "calendar.received-at.required"));
    } else {
      try {
        received = Instant.parse(receivedAt);
      } catch (DateTimeParseException e) {
        issues.add(new ApiProblem.FieldIssue("receivedAt", "calendar.received-at.format"));
      }
    }
    if (received != null) {
      int y = received.atZone(calendar.zone()).getYear();
      if (!StatutoryCalendar.supports(y) && !calendar.years().contains(y)) {
        issues.add(new ApiProblem.FieldIssue("receivedAt", "calendar.year.range.field", range(y)));
      }
    }
    if (!issues.isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", issues, issues.size());
    }
    Deadlines.LegalDeadline deadline = deadlines.legalDeadline(procedure, received);
    List<Integer> provisionalYears = new ArrayList<>();
    int from = deadline.receivedAt().atZone(calendar.zone()).getYear();
    for (int y = from; y <= deadline.dueAt().atZone(calendar.zone()).getYear(); y++) {
      if (calendar.isProvisional(y)) {
        provisionalYears.add(y);
      }
    }
    String note = provisionalYears.isEmpty() ? "Hạn tính trên lịch nghỉ chính thức."
        : "Hạn tính trên lịch tạm tính năm " + provisionalYears.stream().map(String::valueOf)
            .reduce((a, b) -> a + ", " + b).orElse("") + "; có thể lùi (không sớm hơn) khi có thông báo chính thức.";
    return new DueDateView(procedure, received, deadline.receivedAt(), deadline.workingDays(), deadline.dueAt(),
        deadline.provisional(), provisionalYears, note);
  }

  /** Message arguments as text: a number would be formatted with a thousands separator (2.100). */
  private static Object[] range(int year) {
    return new Object[] {String.valueOf(year), String.valueOf(StatutoryCalendar.FIRST_YEAR),
        String.valueOf(StatutoryCalendar.LAST_YEAR)};
  }

  private int checkYear(String text) {
    int year;
    try {
      year = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "calendar.year.format", "year", text);
    }
    if (!StatutoryCalendar.supports(year) && !calendar.years().contains(year)) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "calendar.year.range", "year", range(year));
    }
    return year;
  }
}
