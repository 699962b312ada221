package vn.gov.sct.onestop.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.dossier.DossierAccess;

/**
 * Staff API of the managers' dashboard: the period report (JSON and CSV) and the at-risk and overdue lists.
 * Staff-only once the API security lands; see docs/statistics.md for how the Cockpit session is accepted.
 */
@RestController
@RequestMapping("/api/v1")
public class StatisticsController {

  private final StatisticsService statistics;
  private final MonitoringService monitoring;
  private final DossierAccess access;

  public StatisticsController(StatisticsService statistics, MonitoringService monitoring, DossierAccess access) {
    this.statistics = statistics;
    this.monitoring = monitoring;
    this.access = access;
  }

  /** e.g. {@code /api/v1/statistics?from=2018-01-01&to=2018-09-12&groupBy=procedure}. */
  @GetMapping(value = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  public StatisticsReport statistics(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String groupBy) {
    return statistics.report(new Period(from, to), GroupBy.parse(groupBy));
  }

  @GetMapping("/statistics.csv")
  public ResponseEntity<byte[]> statisticsCsv(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String groupBy) {
    StatisticsReport report = statistics.report(new Period(from, to), GroupBy.parse(groupBy));
    String fileName = "thong-ke-" + from + "-" + to + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(StatisticsCsv.bytes(report));
  }

  /** The lists name dossiers: each user gets those they may see (managers and the board: all). */
  @GetMapping(value = "/monitoring/at-risk", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<MonitoredDossier> atRisk() {
    return access.visibleOnly(monitoring.atRisk(), MonitoredDossier::code);
  }

  @GetMapping(value = "/monitoring/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<MonitoredDossier> overdue() {
    return access.visibleOnly(monitoring.overdue(), MonitoredDossier::code);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
  }
}
