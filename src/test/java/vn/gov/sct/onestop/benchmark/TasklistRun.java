package vn.gov.sct.onestop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import vn.gov.sct.onestop.identity.AuthorizedGroupLookupManager;

/**
 * Run 7: a clerk's Tasklist under a large backlog of open dossiers (issue 18). The backlog is built through the
 * engine (job executor stopped, so no timer fires meanwhile): dossiers of the four procedures, started by the
 * one-stop clerk and moved on to the divisions' steps as clerks move them (each task claimed before it is
 * completed), so the tasks, identity links and authorization rows are the ones the application creates. Then,
 * at each backlog size, every Tasklist filter a clerk may read is executed as Tasklist executes it: {@code GET
 * /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} with {@code Accept: application/hal+json} (the
 * filter's task query with the variables it shows) and {@code GET /engine-rest/filter/{id}/count}, HTTP Basic as
 * the clerk, authorizations on.
 */
final class TasklistRun {

  static final String RUN = "7 Tasklist";
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The backlog is received over working days from here, {@link #BATCH} dossiers per half hour of the clock. */
  private static final LocalDateTime FIRST = LocalDateTime.parse("2026-06-01T07:30");
  private static final int BATCH = 200;
  /** A call slower than this stops the run from measuring larger backlogs, and from calling a filter 20 times. */
  private static final int SLOW_MS = 5000;
  /** Tasklist's page. */
  private static final int PAGE = 15;

  /** A procedure of the backlog: its process, its division's clerk and head. */
  private record Procedure(String processKey, String specialist, String head) {}

  private static final List<Procedure> PROCEDURES = List.of(
      new Procedure("promotionRegistration", "cv.thuongmai", "tp.thuongmai"),
      new Procedure("petroleumRetail", "cv.thuongmai", "tp.thuongmai"),
      new Procedure("electricityRetail", "cv.nangluong", "tp.nangluong"),
      new Procedure("inspectionSeal", "cv.thuongmai", "tp.thuongmai"));

  /** The clerks whose Tasklist is measured: the one-stop clerk, a division's specialist, a division's head. */
  static final List<String> CLERKS = List.of("motcua", "cv.thuongmai", "tp.thuongmai");

  private final Bench bench;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private int built;
  private LocalDateTime clock = FIRST;
  private final BacklogCopies copies;

  TasklistRun(Bench bench) {
    this.bench = bench;
    this.base = "http://localhost:" + bench.port;
    // copies continue the arrivals backwards in time: one copy of the engine-built dossiers per their clock span
    this.copies = new BacklogCopies(bench.jdbc, Duration.ofMinutes(30L * Math.max(1,
        Math.min(bench.options.tasklistEngine(), bench.options.tasklistSizes().get(bench.options.tasklistSizes().size()
        - 1)) / BATCH)));
  }

  /** One filter's figures at one backlog size. */
  record Figure(int backlog, String clerk, String filter, long tasks, Sample list, Sample count) {}

  void run() throws Exception {
    Options o = bench.options;
    JobExecutor executor = bench.jobExecutor();
    if (executor != null) {
      executor.shutdown();
    }
    List<Figure> all = new ArrayList<>();
    Map<Integer, String> sizes = new LinkedHashMap<>();
    try {
      for (int size : o.tasklistSizes()) {
        double seconds = grow(size);
        String facts = facts();
        sizes.put(size, String.format(Locale.ROOT, "%,d open dossiers (built in %.0f s, %.0f dossiers/s): %s", size,
            seconds, (size - (all.isEmpty() ? 0 : all.get(all.size() - 1).backlog())) / Math.max(seconds, 0.001),
            facts));
        Bench.log("run 7: %s", sizes.get(size));
        if (all.isEmpty()) {
          measure(size, 3); // warm-up of the REST and query code, not counted
        }
        List<Figure> figures = measure(size, o.tasklistCalls());
        all.addAll(figures);
        double slowest = figures.stream().mapToDouble(f -> Math.max(f.list().max(), f.count().max())).max().orElse(0);
        if (slowest > SLOW_MS) {
          // the filters' queries grow with the square of a division's open tasks (BENCHMARKS.md, run 7): a larger
          // backlog would take hours, so the run says so instead of measuring it
          sizes.put(-1, String.format(Locale.ROOT, "larger backlogs not measured: a call took %,.0f ms at %,d open "
              + "dossiers (limit %,d ms)", slowest, size, SLOW_MS));
          break;
        }
      }
    } finally {
      ClockUtil.reset();
    }
    report(all, sizes);
  }

  /**
   * Starts and moves dossiers through the engine until {@code size} are open, or, past {@code --tasklist-engine},
   * copies of those; answers the seconds it took.
   */
  private double grow(int size) throws Exception {
    long start = System.nanoTime();
    int engineLimit = Math.min(size, bench.options.tasklistEngine());
    if (built >= engineLimit && size > built) {
      copies.grow(size - built);
      built = size;
      return (System.nanoTime() - start) / 1e9;
    }
    while (built < engineLimit) {
      int from = built;
      int n = Math.min(BATCH, size - built);
      // the engine clock is global: one instant per batch, half an hour apart, so due dates spread over the weeks
      ClockUtil.setCurrentTime(Date.from(clock.atZone(VN).toInstant()));
      Bench.parallel(n, bench.options.threads(), k -> dossier(from + k));
      built += n;
      clock = clock.plusMinutes(30);
      if (built % 5000 == 0) {
        Bench.log("run 7: %,d dossiers open", built);
      }
    }
    if (size > built) {
      copies.grow(size - built);
      built = size;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Dossier i: procedure i mod 4; two in five stay at the completeness check (one-stop), one goes to the head's
   * assignment, two to the specialist's appraisal or inspection plan (assigned to the specialist by the model). At
   * the first two steps every other task is claimed by its clerk, as a clerk claims what they open.
   */
  private void dossier(int i) {
    Procedure procedure = PROCEDURES.get(i % PROCEDURES.size());
    int stage = switch (i % 5) {
      case 0, 1 -> 0;
      case 2 -> 1;
      default -> 2;
    };
    String instance;
    bench.asUser("motcua");
    try {
      instance = bench.runtime.startProcessInstanceByKey(procedure.processKey(), Lifecycle.startVariables(i))
          .getProcessInstanceId();
    } finally {
      bench.signOut();
    }
    String[] users = {"motcua", procedure.head()};
    for (int step = 0; step <= stage && step < 2; step++) {
      boolean last = step == stage;
      if (last && (i / 5) % 2 == 1) {
        return; // left unclaimed in the group's queue
      }
      String user = users[step];
      bench.asUser(user);
      try {
        Task task = openTask(instance);
        bench.tasks.claim(task.getId(), user);
        if (!last) {
          Map<String, Object> variables = step == 0 ? Map.of("receptionDecision", "ACCEPT")
              : Map.of("specialist", procedure.specialist());
          bench.tasks.complete(task.getId(), variables);
        }
      } finally {
        bench.signOut();
      }
    }
  }

  /** The dossier's one open user task (in the called process that holds it). */
  private Task openTask(String rootInstance) {
    List<Task> open = bench.tasks.createTaskQuery().processInstanceIdIn(instancesUnder(rootInstance)).list();
    if (open.size() != 1) {
      throw new IllegalStateException("expected one open task under " + rootInstance + ", found " + open);
    }
    return open.get(0);
  }

  private String[] instancesUnder(String rootInstance) {
    return bench.jdbc.queryForList("select distinct proc_inst_id_ from act_ru_execution where root_proc_inst_id_ = ?",
        String.class, rootInstance).toArray(String[]::new);
  }

  /** What the backlog holds: open tasks, identity links and authorization rows. */
  private String facts() {
    Map<String, Object> row = bench.jdbc.queryForMap("select (select count(*) from act_ru_task) as tasks, "
        + "(select count(*) from act_ru_identitylink) as links, (select count(*) from act_ru_authorization) as auths, "
        + "(select count(*) from act_ru_authorization where resource_type_ = 7) as task_auths, "
        + "(select count(*) from act_ru_execution where parent_id_ is null) as instances");
    return String.format(Locale.ROOT, "%,d open tasks, %,d process instances (with the called ones), %,d identity "
        + "links, %,d authorization rows (%,d of them on single tasks); %s", row.get("tasks"), row.get("instances"),
        row.get("links"), row.get("auths"), row.get("task_auths"), authorizedGroups());
  }

  /**
   * The question every authorized engine command starts with (which of the user's groups have any authorization),
   * timed by PostgreSQL's EXPLAIN ANALYZE, median of 5, with the plan's nodes: as the engine asks it (every group id
   * of the table) and as {@code identity/AuthorizedGroupLookupManager} asks it instead (an index probe per group, here
   * the trade head's two groups).
   */
  private String authorizedGroups() {
    String lookUp = AuthorizedGroupLookupManager.sql("", "", 2).replaceFirst("\\?", "'trade-management'")
        .replaceFirst("\\?", "'trade-management-lead'");
    return "the engine's SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION " + explained("SELECT distinct GROUP_ID_ "
        + "FROM ACT_RU_AUTHORIZATION") + ", replaced by the application's look-up of two groups " + explained(lookUp);
  }

  private String explained(String sql) {
    Sample ms = new Sample();
    String plan = "";
    for (int i = 0; i < 5; i++) {
      JsonNode explain;
      try {
        explain = json.readTree(bench.jdbc.queryForObject("explain (analyze, format json) " + sql, String.class)).get(0);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      ms.add(explain.get("Execution Time").asDouble());
      plan = nodes(explain.get("Plan"));
    }
    return String.format(Locale.ROOT, "%.2f ms (%s)", ms.median(), plan);
  }

  private static String nodes(JsonNode plan) {
    StringBuilder text = new StringBuilder(plan.get("Node Type").asText());
    for (JsonNode child : plan.path("Plans")) {
      text.append(" ← ").append(nodes(child));
    }
    return text.toString();
  }

  /** Every filter each clerk may read, {@code calls} times list and count after 3 warm-up calls each. */
  private List<Figure> measure(int backlog, int calls) throws Exception {
    List<Figure> figures = new ArrayList<>();
    for (String clerk : CLERKS) {
      JsonNode filters = get("/engine-rest/filter?resourceType=Task", clerk, "application/json");
      for (JsonNode filter : filters) {
        String id = filter.get("id").asText();
        String name = filter.get("name").asText();
        String list = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=" + PAGE;
        String count = "/engine-rest/filter/" + id + "/count";
        Sample listMs = new Sample();
        Sample countMs = new Sample();
        long tasks = 0;
        int n = calls;
        for (int c = -3; c < n; c++) {
          long t0 = System.nanoTime();
          JsonNode page = get(list, clerk, "application/hal+json");
          long t1 = System.nanoTime();
          JsonNode counted = get(count, clerk, "application/json");
          long t2 = System.nanoTime();
          if (page.path("_embedded").path("task").size() > PAGE) {
            throw new IllegalStateException("filter " + name + " answered more than a page");
          }
          tasks = counted.get("count").asLong();
          if (c >= 0) {
            listMs.add((t1 - t0) / 1e6);
            countMs.add((t2 - t1) / 1e6);
          } else if ((t2 - t0) / 1e6 > SLOW_MS) {
            n = Math.min(n, 3); // seconds per call: a few calls say enough
          }
        }
        Bench.log("run 7: %,d open: %s / %s (%,d tasks): list p50 %.1f p95 %.1f ms, count p50 %.1f p95 %.1f ms",
            backlog, clerk, name, tasks, listMs.percentile(50), listMs.percentile(95), countMs.percentile(50),
            countMs.percentile(95));
        figures.add(new Figure(backlog, clerk, name, tasks, listMs, countMs));
      }
    }
    return figures;
  }

  private JsonNode get(String path, String user, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
        .header("Accept", accept).timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return json.readTree(response.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Bench.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  private void report(List<Figure> figures, Map<Integer, String> sizes) {
    String target = "p95 < 200 ms at 50,000";
    int largest = figures.stream().mapToInt(Figure::backlog).max().orElse(0);
    for (int size : sizes.keySet()) {
      if (size < 0) {
        bench.report.row(RUN, "larger backlogs", sizes.get(size), "–", "–", target);
        continue;
      }
      Figure list = worst(figures, size, true);
      Figure count = worst(figures, size, false);
      bench.report.row(RUN, String.format(Locale.ROOT, "p50 / p95 ms, slowest filter list (page of %d), %,d open "
          + "dossiers", PAGE, size), describe(list.list()) + " (" + list.clerk() + ": " + list.filter() + ")", "–",
          "–", target);
      bench.report.row(RUN, String.format(Locale.ROOT, "p50 / p95 ms, slowest filter count, %,d open dossiers", size),
          describe(count.count()) + " (" + count.clerk() + ": " + count.filter() + ")", "–", "–", target);
    }
    for (Figure f : figures) {
      if (f.backlog() == largest) {
        bench.report.row(RUN, String.format(Locale.ROOT, "p50 / p95 ms list · count, %s: «%s» (%,d tasks), %,d open",
            f.clerk(), f.filter(), f.tasks(), largest), describe(f.list()) + " · " + describe(f.count()), "–", "–",
            target);
      }
    }
    sizes.forEach((size, text) -> bench.report.note(RUN, (size < 0 ? "" : "Backlog: ") + text + "."));
    bench.report.note(RUN, String.format(Locale.ROOT, "How it was built: dossiers of the four procedures in turn, "
        + "started by the one-stop clerk through the engine API (authorization checks on, job executor stopped: no "
        + "timer fires), %d per instant of the engine clock, each batch half an hour after the previous from %s, so "
        + "due dates spread over weeks (the filters 'Sắp đến hạn' and 'Quá hạn' read them against the clock of the "
        + "last batch). Two in five stay at the completeness check (one-stop), one goes to the head's assignment, two "
        + "to the specialist's appraisal or inspection plan; at the first two steps every other task is claimed. "
        + "Measured: every filter each of %s may read (GET /engine-rest/filter?resourceType=Task as the clerk), "
        + "%d calls each of list (hal+json, with the filter's variables, as Tasklist asks) and count after 3 "
        + "warm-up calls, HTTP Basic, one client thread; per filter p50 / p95 over those calls.", BATCH, FIRST,
        String.join(", ", CLERKS), bench.options.tasklistCalls()));
    int engine = Math.min(bench.options.tasklistEngine(), largest);
    if (engine < largest) {
      bench.report.note(RUN, String.format(Locale.ROOT, "%,d open dossiers were built through the engine as above; "
          + "the others are copies of their runtime rows (BacklogCopies: executions, tasks, identity links, the tasks' "
          + "authorization rows, variables, timer jobs, ids suffixed per copy, task and timer dates moved back one "
          + "clock span per copy), past --tasklist-engine, because building through the engine takes about as long per "
          + "dossier as run 1. The engine's history and our registry rows were not copied: "
          + "Tasklist's queries do not read them.", engine));
    }
    bench.report.note(RUN, growth(figures));
  }

  /** How the slowest p95 grew from the smallest to the largest backlog, against the growth of the backlog. */
  private static String growth(List<Figure> figures) {
    int smallest = figures.stream().mapToInt(Figure::backlog).min().orElse(0);
    int largest = figures.stream().mapToInt(Figure::backlog).max().orElse(0);
    if (smallest == largest) {
      return "One backlog size only: no growth measured.";
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Growth from %,d to %,d open dossiers "
        + "(%.1f× the backlog), p95 per filter, list / count: ", smallest, largest, largest / (double) smallest));
    List<String> parts = new ArrayList<>();
    for (Figure big : figures) {
      if (big.backlog() != largest) {
        continue;
      }
      figures.stream().filter(f -> f.backlog() == smallest && f.clerk().equals(big.clerk())
          && f.filter().equals(big.filter())).findFirst().ifPresent(small -> parts.add(String.format(Locale.ROOT,
          "%s «%s» %.1f× / %.1f×", big.clerk(), big.filter(), big.list().percentile(95) / small.list().percentile(95),
          big.count().percentile(95) / small.count().percentile(95))));
    }
    return text.append(String.join("; ", parts)).append('.').toString();
  }

  private static Figure worst(List<Figure> figures, int size, boolean list) {
    return figures.stream().filter(f -> f.backlog() == size)
        .max((a, b) -> Double.compare((list ? a.list() : a.count()).percentile(95),
            (list ? b.list() : b.count()).percentile(95))).orElseThrow();
  }

  private static String describe(Sample s) {
    return Sample.format(s.percentile(50), 1) + " / " + Sample.format(s.percentile(95), 1);
  }
}
