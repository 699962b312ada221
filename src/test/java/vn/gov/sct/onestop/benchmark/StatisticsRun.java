package vn.gov.sct.onestop.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.report.StatisticsSummary;

/**
 * Run 4: the statistics of a year over a large registry. Bulk-inserts synthetic dossiers over three years (JDBC
 * batches, with their status-change rows), then times GET /api/v1/statistics for the middle year. Reference: the
 * same counts computed with the engine's HistoricProcessInstanceQuery filtered by process variables, over an
 * engine history created through the engine API.
 */
final class StatisticsRun {

  static final String RUN = "4 Statistics";
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int FIRST_YEAR = 2023;
  private static final int YEARS = 3;
  private static final int YEAR = 2024;
  static final String HISTORY_KEY = "benchHistory";
  private static final String[] CHANNELS = {"ONLINE", "COUNTER", "POSTAL"};
  private static final String[] TIMELINESS = {"EARLY", "ON_TIME", "LATE"};

  private final Bench bench;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> procedures;
  private final Map<String, String> divisions = new HashMap<>();

  StatisticsRun(Bench bench) {
    this.bench = bench;
    ProcedureCatalog catalog = bench.context.getBean(ProcedureCatalog.class);
    this.procedures = catalog.procedures().stream().map(Procedure::code).toList();
    catalog.procedures().forEach(p -> divisions.put(p.code(), p.division()));
  }

  private String url() {
    return "http://localhost:" + bench.port + "/api/v1/statistics?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31";
  }

  private HttpResponse<String> call() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url())).header("Authorization", HttpRun.basic("quanly"))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  void run() throws Exception {
    Options o = bench.options;
    HttpResponse<String> probe = call();
    if (probe.statusCode() == 404 || !bench.tableExists("dossier_status_change")) {
      bench.report.row(RUN, "p95 ms, statistics of a year", "not available yet", "–", "–", "< 100 ms, ≥ 20× faster");
      bench.report.note(RUN, "not available yet: GET /api/v1/statistics answered " + probe.statusCode()
          + " (or the table dossier_status_change is missing); the statistics have not landed on this branch.");
      return;
    }
    if (probe.statusCode() != 200) {
      throw new IllegalStateException("GET " + url() + " answered " + probe.statusCode() + ": " + probe.body());
    }
    long t = System.nanoTime();
    long statusRows = insertRegistry(o.rows());
    double insertSeconds = (System.nanoTime() - t) / 1e9;
    Bench.log("run 4: inserted %d dossiers and %d status changes in %.0f s", o.rows(), statusRows, insertSeconds);
    // a bulk import bypasses the registry, so its summary comes from the rebuild (the backfill migration's code),
    // as an operator would run it after an import
    t = System.nanoTime();
    bench.context.getBean(StatisticsSummary.class).rebuild();
    bench.jdbc.execute("analyze dossier_summary_day");
    double rebuildSeconds = (System.nanoTime() - t) / 1e9;
    Bench.log("run 4: rebuilt the statistics summary in %.0f s", rebuildSeconds);
    t = System.nanoTime();
    createEngineHistory(o.engineHistory());
    double historySeconds = (System.nanoTime() - t) / 1e9;
    Bench.log("run 4: created %d engine history instances in %.0f s", o.engineHistory(), historySeconds);

    for (int i = 0; i < 5; i++) {
      timeEndpoint();
      timeEngine();
    }
    Sample oursP50 = new Sample();
    Sample oursP95 = new Sample();
    Sample engineP50 = new Sample();
    Sample engineP95 = new Sample();
    for (int r = 0; r < o.repeats(); r++) {
      Sample ours = new Sample();
      for (int i = 0; i < o.statsCalls(); i++) {
        ours.add(timeEndpoint());
      }
      Sample engine = new Sample();
      for (int i = 0; i < o.engineStatsCalls(); i++) {
        engine.add(timeEngine());
      }
      oursP50.add(ours.percentile(50));
      oursP95.add(ours.percentile(95));
      engineP50.add(engine.percentile(50));
      engineP95.add(engine.percentile(95));
      Bench.log("run 4: repeat %d: endpoint p50 %.1f ms p95 %.1f ms; engine query p50 %.0f ms p95 %.0f ms", r + 1,
          ours.percentile(50), ours.percentile(95), engine.percentile(50), engine.percentile(95));
    }
    String sizes = String.format(" (ours %,d rows, engine %,d instances)", o.rows(), o.engineHistory());
    bench.report.lowerIsBetter(RUN, "p50 ms, statistics of " + YEAR + sizes, oursP50, engineP50, 1, "–");
    bench.report.lowerIsBetter(RUN, "p95 ms, statistics of " + YEAR + sizes, oursP95, engineP95, 1,
        "< 100 ms, ≥ 20× faster");
    bench.report.note(RUN, String.format("Ours: GET /api/v1/statistics?from=%d-01-01&to=%d-12-31 over HTTP as the "
        + "manager (HTTP Basic), %d calls per repeat, over %,d synthetic dossier rows spread over %d–%d with %,d "
        + "status-change rows (registered, received, in process, completed/paused, returned), bulk-inserted with "
        + "JDBC batches in %.0f s and analysed; the statistics summary was then rebuilt from them "
        + "(StatisticsSummary.rebuild(), the code of the backfill migration) in %.0f s.", YEAR, YEAR, o.statsCalls(),
        o.rows(), FIRST_YEAR, FIRST_YEAR + YEARS - 1, statusRows, insertSeconds, rebuildSeconds));
    bench.report.note(RUN, String.format("Reference: the same counts (received per channel, solved early / on time / "
        + "late, refused, withdrawn; per procedure) from HistoricProcessInstanceQuery.variableValueEquals(...) with "
        + "startedAfter/Before or finishedAfter/Before, %d count queries per report, in-process (no HTTP) and "
        + "without authorization checks (the engine's fastest path), %d reports per repeat, over %,d process "
        + "instances with 6 variables each created through the engine API (history level full) in %.0f s, spread "
        + "over the same three years. The engine history is smaller than the registry (%,d vs %,d), so the ratio "
        + "is conservative: the engine query grows with its history.", procedures.size() * 8,
        o.engineStatsCalls(), o.engineHistory(), historySeconds, o.engineHistory(), o.rows()));
  }

  private double timeEndpoint() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = call();
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("statistics answered " + response.statusCode() + ": " + response.body());
    }
    return ms;
  }

  /** The year's figures per procedure from the engine's history, as one would without a registry. */
  private double timeEngine() {
    Date from = Date.from(LocalDate.of(YEAR, 1, 1).atStartOfDay(VN).toInstant());
    Date to = Date.from(LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(VN).toInstant());
    long start = System.nanoTime();
    long sum = 0;
    for (String procedure : procedures) {
      for (String channel : CHANNELS) {
        sum += query(procedure).startedAfter(from).startedBefore(to).variableValueEquals("channel", channel).count();
      }
      for (String timeliness : TIMELINESS) {
        sum += query(procedure).finishedAfter(from).finishedBefore(to).variableValueEquals("timeliness", timeliness)
            .count();
      }
      sum += query(procedure).finishedAfter(from).finishedBefore(to).variableValueEquals("outcome", "REFUSED").count();
      sum += query(procedure).finishedAfter(from).finishedBefore(to).variableValueEquals("outcome", "WITHDRAWN").count();
    }
    if (sum < 0) {
      throw new IllegalStateException();
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private HistoricProcessInstanceQuery query(String procedure) {
    return bench.history.createHistoricProcessInstanceQuery().processDefinitionKey(HISTORY_KEY)
        .variableValueEquals("procedureCode", procedure);
  }

  /** One synthetic dossier: the columns the registry and the report use. */
  private record Synthetic(String procedure, String channel, Instant received, Instant due, Instant completed,
      String outcome, String timeliness, Long minutes, int status, boolean paused) {}

  private Synthetic synthetic(SplittableRandom random) {
    String procedure = procedures.get(random.nextInt(procedures.size()));
    int p = random.nextInt(100);
    String channel = p < 40 ? "ONLINE" : p < 95 ? "COUNTER" : "POSTAL";
    LocalDateTime start = LocalDateTime.of(FIRST_YEAR, 1, 1, 8, 0);
    long span = java.time.Duration.between(start, LocalDateTime.of(FIRST_YEAR + YEARS, 1, 1, 0, 0)).toMinutes();
    Instant received = start.plusMinutes(random.nextLong(span)).atZone(VN).toInstant();
    Instant due = received.plus(java.time.Duration.ofDays(5 + random.nextInt(20)));
    int fate = random.nextInt(1000);
    if (fate < 20) { // still in process
      return new Synthetic(procedure, channel, received, due, null, null, null, null, 4, false);
    }
    if (fate < 30) { // waiting for the applicant's supplement
      return new Synthetic(procedure, channel, received, due, null, null, null, null, 5, true);
    }
    if (fate < 60) { // refused at reception
      return new Synthetic(procedure, channel, received, null, received.plusSeconds(3600), "REFUSED", null, null, 3,
          false);
    }
    if (fate < 80) { // withdrawn
      return new Synthetic(procedure, channel, received, due, received.plusSeconds(86_400L * (1 + random.nextInt(10))),
          "WITHDRAWN", null, null, 7, false);
    }
    int t = random.nextInt(100);
    String timeliness = t < 60 ? "EARLY" : t < 90 ? "ON_TIME" : "LATE";
    Instant completed = switch (timeliness) {
      case "EARLY" -> due.minusSeconds(86_400L * (1 + random.nextInt(3)));
      case "ON_TIME" -> due.minusSeconds(3600);
      default -> due.plusSeconds(86_400L * (1 + random.nextInt(5)));
    };
    return new Synthetic(procedure, channel, received, due, completed, random.nextInt(100) < 95 ? "APPROVED" : "REFUSED",
        timeliness, java.time.Duration.between(received, completed).toMinutes() / 3, 10, false);
  }

  /** Bulk-inserts the synthetic registry rows (run 6, the search, reuses them). */
  long insertRegistry(int rows) throws Exception {
    boolean minutes = bench.columnExists("dossier", "processing_minutes");
    String url = bench.jdbcUrl + (bench.jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    SplittableRandom random = new SplittableRandom(20260311L);
    long statusRows = 0;
    try (Connection c = DriverManager.getConnection(url, bench.options.jdbcUser(), bench.options.jdbcPassword())) {
      c.setAutoCommit(false);
      try (PreparedStatement dossier = c.prepareStatement("insert into dossier (code, procedure_code, division, channel, "
          + "status, applicant_name, applicant_id_number, applicant_phone, applicant_address, registered_at, "
          + "received_at, due_at, deadline_days, completed_at, returned_at, outcome, timeliness, process_instance_id, "
          + "updated_at" + (minutes ? ", processing_minutes" : "") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          + "?, ?, ?, ?, ?, ?" + (minutes ? ", ?" : "") + ")");
          PreparedStatement status = c.prepareStatement("insert into dossier_status_change (dossier_code, status, "
              + "changed_at, ended_at) values (?, ?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          Synthetic s = synthetic(random);
          String code = String.format("BENCH-%s-%07d", s.received().atZone(VN).toLocalDate().toString().replace("-", "")
              .substring(2), i);
          Instant returned = s.status() == 10 ? s.completed().plusSeconds(3600) : null;
          Instant last = returned != null ? returned : s.completed() != null ? s.completed() : s.received();
          int k = 1;
          dossier.setString(k++, code);
          dossier.setString(k++, s.procedure());
          dossier.setString(k++, divisions.get(s.procedure()));
          dossier.setString(k++, s.channel());
          dossier.setInt(k++, s.status());
          dossier.setString(k++, "Công ty TNHH Dữ liệu Thử " + i);
          dossier.setString(k++, String.format("%010d", i % 200_000)); // 200,000 applicants, for the search
          dossier.setString(k++, "0912345678");
          dossier.setString(k++, "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
          dossier.setObject(k++, at(s.received().minusSeconds(600)));
          dossier.setObject(k++, s.outcome() != null && s.status() == 3 ? null : at(s.received()));
          dossier.setObject(k++, at(s.due()));
          dossier.setObject(k++, s.due() == null ? null : new java.math.BigDecimal("5.0"), Types.NUMERIC);
          dossier.setObject(k++, at(s.completed()));
          dossier.setObject(k++, at(returned));
          dossier.setString(k++, s.outcome());
          dossier.setString(k++, s.timeliness());
          dossier.setString(k++, null);
          dossier.setObject(k++, at(last));
          if (minutes) {
            dossier.setObject(k++, s.minutes(), Types.BIGINT);
          }
          dossier.addBatch();
          // status history: registered, then received / in process / supplement / finished / returned
          List<Object[]> history = new ArrayList<>();
          Instant registered = s.received().minusSeconds(600);
          history.add(new Object[] {1, registered});
          if (s.status() != 3) {
            history.add(new Object[] {2, s.received()});
            history.add(new Object[] {4, s.received().plusSeconds(1800)});
          }
          if (s.paused()) {
            history.add(new Object[] {5, s.received().plusSeconds(7200)});
          } else if (s.completed() != null) {
            history.add(new Object[] {s.status() == 10 ? 9 : s.status(), s.completed()});
          }
          if (returned != null) {
            history.add(new Object[] {10, returned});
          }
          for (int h = 0; h < history.size(); h++) {
            status.setString(1, code);
            status.setInt(2, (Integer) history.get(h)[0]);
            status.setObject(3, at((Instant) history.get(h)[1]));
            status.setObject(4, h + 1 < history.size() ? at((Instant) history.get(h + 1)[1]) : null);
            status.addBatch();
            statusRows++;
          }
          if ((i + 1) % 2_000 == 0) {
            dossier.executeBatch();
            status.executeBatch();
          }
          if ((i + 1) % 50_000 == 0) {
            c.commit();
          }
        }
        dossier.executeBatch();
        status.executeBatch();
        c.commit();
      }
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("analyze dossier");
        s.execute("analyze dossier_status_change");
      }
    }
    return statusRows;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * The engine history of the reference: one finished process instance per synthetic dossier, with the dossier's
   * variables, started with the engine clock at the dossier's receipt (so startedAfter/finishedAfter select a
   * year); 100 instances per transaction to make it feasible.
   */
  private void createEngineHistory(int n) throws Exception {
    bench.deployReference("bare-history.bpmn");
    SplittableRandom random = new SplittableRandom(7L);
    List<Synthetic> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(synthetic(random));
    }
    all.sort(java.util.Comparator.comparing(Synthetic::received));
    int batch = 100;
    try {
      for (int from = 0; from < n; from += batch) {
        List<Synthetic> chunk = all.subList(from, Math.min(n, from + batch));
        ClockUtil.setCurrentTime(Date.from(chunk.get(0).received()));
        int offset = from;
        bench.configuration().getCommandExecutorTxRequired().execute((Command<Void>) context -> {
          for (int i = 0; i < chunk.size(); i++) {
            Synthetic s = chunk.get(i);
            Map<String, Object> variables = new HashMap<>();
            variables.put("dossierCode", "BENCH-H-" + (offset + i));
            variables.put("procedureCode", s.procedure());
            variables.put("channel", s.channel());
            variables.put("outcome", s.outcome());
            variables.put("timeliness", s.timeliness());
            variables.put("dueAt", s.due() == null ? null : Date.from(s.due()));
            bench.runtime.startProcessInstanceByKey(HISTORY_KEY, "BENCH-H-" + (offset + i), variables);
          }
          return null;
        });
      }
    } finally {
      ClockUtil.reset();
    }
    bench.jdbc.execute("analyze act_hi_procinst");
    bench.jdbc.execute("analyze act_hi_varinst");
  }
}
