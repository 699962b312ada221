package vn.gov.sct.onestop.report;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Staff API of the dashboard's charts and of the periodic report to the city, e.g.
 * {@code /api/v1/statistics/charts?from=2018-01-01&to=2018-09-12} and
 * {@code /api/v1/statistics/periodic-report.xlsx?from=2026-01-01&to=2026-06-30}.
 */
@RestController
public class DashboardController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PerformanceCharts charts;
  private final StatisticsService statistics;
  private final PeriodicReportForms forms;
  private final String agencyName;

  public DashboardController(PerformanceCharts charts, StatisticsService statistics, PeriodicReportForms forms,
      @Value("${onestop.report.agency-name}") String agencyName) {
    this.charts = charts;
    this.statistics = statistics;
    this.forms = forms;
    this.agencyName = agencyName;
  }

  @GetMapping(value = "/api/v1/statistics/charts", produces = MediaType.APPLICATION_JSON_VALUE)
  public PerformanceCharts.Charts charts(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return charts.charts(period(from, to));
  }

  @GetMapping("/api/v1/statistics/periodic-report.xlsx")
  public ResponseEntity<byte[]> periodicReport(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Period period = period(from, to);
    byte[] xlsx = PeriodicReportXlsx.bytes(statistics.report(period, GroupBy.PROCEDURE), forms.on(to), agencyName);
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("bao-cao-ket-qua-giai-quyet-tthc-" + from + "-" + to + ".xlsx").build().toString())
        .body(xlsx);
  }

  private static Period period(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "period-invalid", "to", from, to);
    }
    return new Period(from, to);
  }
}
