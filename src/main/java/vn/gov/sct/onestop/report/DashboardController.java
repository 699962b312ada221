package vn.gov.sct.onestop.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import vn.gov.sct.onestop.paper.RenderedPaper;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Staff API of the dashboard's charts and of the periodic report to the city, e.g.
 * {@code /api/v1/statistics/charts?from=2018-01-01&to=2018-09-12} and
 * {@code /api/v1/statistics/periodic-report.xlsx?from=2026-01-01&to=2026-06-30} (and {@code .pdf}).
 */
@RestController
public class DashboardController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PerformanceCharts charts;
  private final StatisticsService statistics;
  private final PeriodicReportForms forms;
  private final PeriodicReportPdf pdf;
  private final String agencyName;

  public DashboardController(PerformanceCharts charts, StatisticsService statistics, PeriodicReportForms forms,
      PeriodicReportPdf pdf, @Value("${onestop.report.agency-name}") String agencyName) {
    this.charts = charts;
    this.statistics = statistics;
    this.forms = forms;
    this.pdf = pdf;
    this.agencyName = agencyName;
  }

  @GetMapping(value = "/api/v1/statistics/charts", produces = MediaType.APPLICATION_JSON_VALUE)
  public PerformanceCharts.Charts charts(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return charts.charts(period(from, to));
  }

  @GetMapping("/api/v1/statistics/periodic-report.xlsx")
  @Operation(summary = "Báo cáo định kỳ kết quả giải quyết TTHC gửi Thành phố (XLSX)",
      description = "The form in force on 'to' (report/periodic-report-forms.yaml), one row per procedure, every "
          + "figure from the period report of the same period; the PDF holds the same figures.")
  @ApiResponse(responseCode = "200", description = "XLSX", content = @Content(mediaType = RenderedPaper.XLSX))
  @ApiResponse(responseCode = "400", description = "Kỳ không hợp lệ",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> periodicReport(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    PeriodicReport report = periodicReportOf(from, to);
    return download(ContentDisposition.attachment(), XLSX, report.fileName() + ".xlsx",
        PeriodicReportXlsx.bytes(report));
  }

  @GetMapping("/api/v1/statistics/periodic-report.pdf")
  @Operation(summary = "Báo cáo định kỳ kết quả giải quyết TTHC gửi Thành phố (PDF)",
      description = "The same report as the XLSX, from the same figures, laid out as the one-stop papers are "
          + "(Decree 30/2020/NĐ-CP, A4 landscape, fonts embedded, PDF/A-2u).")
  @ApiResponse(responseCode = "200", description = "PDF/A-2u", content = @Content(mediaType = "application/pdf"))
  @ApiResponse(responseCode = "400", description = "Kỳ không hợp lệ",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> periodicReportPdf(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    PeriodicReport report = periodicReportOf(from, to);
    // inline, so a browser shows (and prints) it; the file name is kept for "save as"
    return download(ContentDisposition.inline(), MediaType.APPLICATION_PDF, report.fileName() + ".pdf",
        pdf.bytes(report));
  }

  private PeriodicReport periodicReportOf(LocalDate from, LocalDate to) {
    return PeriodicReport.of(statistics.report(period(from, to), GroupBy.PROCEDURE), forms.on(to), agencyName);
  }

  private static ResponseEntity<byte[]> download(ContentDisposition.Builder disposition, MediaType type,
      String fileName, byte[] body) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  private static Period period(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "period-invalid", "to", from, to);
    }
    return new Period(from, to);
  }
}
