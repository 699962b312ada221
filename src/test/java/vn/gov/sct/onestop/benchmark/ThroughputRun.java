package vn.gov.sct.onestop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Run 1: N dossiers of the promotion-registration procedure from start to returned result by T clerk threads,
 * through the Java API with authorization checks (claim, complete, as the signed-in user), against the bare
 * reference process with the same user tasks in the same engine.
 */
final class ThroughputRun {

  private final Bench bench;
  final AtomicLong retries = new AtomicLong();

  ThroughputRun(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    Lifecycle.atClock(this::measure);
  }

  /** What run 1 measures: our procedure, the bare reference, and the two references of the breakdown. */
  private enum Variant {
    OURS(null, Lifecycle.PROCESS_KEY),
    BARE("bare-lifecycle.bpmn", Lifecycle.BARE_KEY),
    PHASES("bare-phases.bpmn", "benchBarePhases"),
    TIMERS("bare-timers.bpmn", "benchBareTimers"),
    /** Issue 18: the called phases and the SLA timers together, without our code: the shape ours is held to. */
    FULL_SHAPE("bare-full-shape.bpmn", "benchBareFullShape");

    /** The reference's model under src/test/resources/benchmark/; null for ours, deployed with the application. */
    final String resource;
    final String processKey;

    Variant(String resource, String processKey) {
      this.resource = resource;
      this.processKey = processKey;
    }
  }

  private void measure() throws Exception {
    Options o = bench.options;
    for (Variant v : Variant.values()) {
      if (v.resource != null) {
        bench.deployReference(v.resource);
        bench.grantStart(v.processKey);
      }
    }
    int warmUp = Math.max(20, o.dossiers() / 10);
    Bench.log("run 1: warm-up, %d dossiers of each", warmUp);
    for (Variant v : Variant.values()) {
      Bench.parallel(warmUp, o.threads(), i -> drive(v, i));
    }
    if (o.profileDossiers() > 0) {
      profile(o.profileDossiers());
    }
    Map<Variant, Sample> samples = new EnumMap<>(Variant.class);
    Variant[] order = Variant.values();
    for (int r = 0; r < o.repeats(); r++) {
      for (int k = 0; k < order.length; k++) {
        // rotate the order, so a drift of the machine hits every variant alike
        Variant v = order[(k + r) % order.length];
        double seconds = Bench.parallel(o.dossiers(), o.threads(), i -> drive(v, i));
        double rate = o.dossiers() / seconds;
        samples.computeIfAbsent(v, x -> new Sample()).add(rate);
        Bench.log("run 1: repeat %d %s: %d dossiers in %.1f s = %.1f dossiers/s", r + 1, v.processKey,
            o.dossiers(), seconds, rate);
      }
    }
    long open = 0;
    for (Variant v : Variant.values()) {
      open += bench.runtime.createProcessInstanceQuery().processDefinitionKey(v.processKey).count();
    }
    Integer returned = bench.jdbc.queryForObject("select count(*) from dossier where status = 10", Integer.class);
    int expected = (warmUp + o.dossiers() * o.repeats()) + o.profileDossiers();
    Sample bare = samples.get(Variant.BARE);
    bench.report.higherIsBetter("1 Java API", "dossiers/s, " + o.dossiers() + " dossiers × " + o.threads() + " threads",
        samples.get(Variant.OURS), bare, 1, "≥ 0.8 (stretch ≥ 1.0)");
    bench.report.higherIsBetter("1 Java API", "dossiers/s against the full-shape reference (3 called phases and 11 "
        + "SLA timers, no code of ours)", samples.get(Variant.OURS), samples.get(Variant.FULL_SHAPE), 1, "≥ 0.95");
    bench.report.higherIsBetter("1 Java API", "breakdown: reference in 3 called phases", samples.get(Variant.PHASES),
        bare, 1, "–");
    bench.report.higherIsBetter("1 Java API", "breakdown: reference with 11 SLA timers", samples.get(Variant.TIMERS),
        bare, 1, "–");
    bench.report.note("1 Java API", String.format(
        "Every dossier: started by the one-stop clerk, then %d user tasks claimed and completed by the demo user of "
            + "each task's group with authentication set (authorization checks on, as in production). Checked after "
            + "the run: %d dossiers with status 10 (result returned) for %d driven; %d process instances left open; "
            + "%d step retries after an optimistic-locking conflict (a clerk's claim or completion that met a job of the "
        + "same dossier; with the engine clock held, no SLA timer falls due during the run, so this should be 0). "
        + "Engine clock held at "
        + "Monday 2026-11-23 09:00 (Asia/Ho_Chi_Minh) during the run, so the SLA timers are the same whatever the "
        + "hour the benchmark runs.",
        Lifecycle.STEPS.size(), returned, expected, open, retries.get()));
    bench.report.note("1 Java API", "Reference: src/test/resources/benchmark/bare-lifecycle.bpmn, the same user task ids, "
        + "candidate groups and form values in one process, without delegates, listeners, call activities, registry "
        + "or timers, deployed into the same engine (same history level, authorization, job executor, datasource).");
    bench.report.note("1 Java API", breakdown(samples));
    bench.report.note("1 Java API", "Full-shape reference: src/test/resources/benchmark/bare-full-shape.bpmn, the "
        + "called phases of bare-phases.bpmn (same call activities and variable mappings) with the timers of "
        + "bare-timers.bpmn where the common phases have them (a warning and an overdue timer on checkCompleteness and "
        + "on the four timed steps of the division's sub-process, the apology timer on that sub-process) and a due date "
        + "on the timed tasks, timer and due dates fixed instead of computed by our working-day beans; no delegates, "
        + "listeners, registry, gateways or service tasks. What ours takes more than it is our own code's cost: "
        + fullShapeGap(samples));
  }

  /**
   * Where our extra time per dossier goes, from the medians: the time of a dossier (1 / rate) of each breakdown
   * reference minus the bare one is what that structure alone costs; the rest is ours (delegates, listeners, task
   * labels, registry, control slip, statistics, working-day computations, the procedures' other variables).
   */
  private static String breakdown(Map<Variant, Sample> samples) {
    double bare = 1000 / samples.get(Variant.BARE).median();
    double extra = 1000 / samples.get(Variant.OURS).median() - bare;
    double phases = 1000 / samples.get(Variant.PHASES).median() - bare;
    double timers = 1000 / samples.get(Variant.TIMERS).median() - bare;
    double rest = extra - phases - timers;
    return String.format(Locale.ROOT, "Breakdown of the difference, in milliseconds of the run per dossier (1 / rate, "
            + "medians): bare reference %.1f ms, ours %.1f ms more. Of that: %.1f ms (%.0f%%) the three called "
            + "phases with their variable mappings (src/test/resources/benchmark/bare-phases.bpmn: the reference's "
            + "tasks split over call activities mapped as in promotion-registration.bpmn); %.1f ms (%.0f%%) the SLA "
            + "timer structure (bare-timers.bpmn: a warning and an overdue boundary timer on each of the 5 timed "
            + "steps and the apology timer on the division's sub-process, 11 jobs created and deleted); %.1f ms "
            + "(%.0f%%) the rest of ours: delegates and listeners, task labels, registry, control slip, statistics "
            + "deltas, working-day due dates.",
        bare, extra, phases, 100 * phases / extra, timers, 100 * timers / extra, rest, 100 * rest / extra);
  }

  /** Our own code's cost per dossier: 1 / rate of ours minus that of the full-shape reference (medians). */
  private static String fullShapeGap(Map<Variant, Sample> samples) {
    double full = 1000 / samples.get(Variant.FULL_SHAPE).median();
    double ours = 1000 / samples.get(Variant.OURS).median();
    return String.format(Locale.ROOT, "full shape %.1f ms of the run per dossier, ours %.1f ms (%.1f ms, %.0f%% more).",
        full, ours, ours - full, 100 * (ours - full) / full);
  }

  /** One dossier of the real procedure, or one instance of a reference process, driven as the clerks drive it. */
  void drive(Variant variant, int i) {
    bench.asUser("motcua");
    String key;
    try {
      if (variant == Variant.OURS) {
        // the dossier code, its business key, comes from the registry
        ProcessInstance instance = bench.runtime.startProcessInstanceByKey(variant.processKey,
            Lifecycle.startVariables(i));
        key = instance.getBusinessKey();
      } else {
        key = "BENCH-" + System.nanoTime() + "-" + i;
        bench.runtime.startProcessInstanceByKey(variant.processKey, key, Lifecycle.startVariables(i));
      }
    } finally {
      bench.signOut();
    }
    drive(key);
  }

  private void drive(String businessKey) {
    for (Lifecycle.Step step : Lifecycle.STEPS) {
      for (int attempt = 1; ; attempt++) {
        bench.asUser(step.user());
        try {
          Task task = bench.tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
              .taskDefinitionKey(step.taskKey()).singleResult();
          if (task == null) {
            throw new IllegalStateException("No open task " + step.taskKey() + " for " + businessKey
                + " visible to " + step.user());
          }
          if (task.getAssignee() == null) {
            bench.tasks.claim(task.getId(), step.user());
          }
          bench.tasks.complete(task.getId(), step.variables());
          break;
        } catch (OptimisticLockingException e) {
          // a timer fired on the same dossier at the same moment; the clerk presses the button again
          retries.incrementAndGet();
          if (attempt >= 5) {
            throw e;
          }
        } finally {
          bench.signOut();
        }
      }
    }
  }

  /**
   * Rows written per dossier, per table, from PostgreSQL's own counters (pg_stat_user_tables): where the work of
   * a dossier goes. Counters are flushed by idle backends within about 10 s, hence the pauses.
   */
  private void profile(int n) throws Exception {
    Bench.log("run 1: profiling the rows written per dossier (%d of each, one thread)", n);
    Map<String, long[]> before = tableCounters();
    String oursStatements = countingStatements(() -> Bench.parallel(n, 1, i -> drive(Variant.OURS, i)), n);
    Map<String, long[]> middle = tableCounters();
    String bareStatements = countingStatements(() -> Bench.parallel(n, 1, i -> drive(Variant.BARE, i)), n);
    Map<String, long[]> after = tableCounters();
    String fullStatements = countingStatements(() -> Bench.parallel(n, 1, i -> drive(Variant.FULL_SHAPE, i)), n);
    bench.report.note("1 Java API", "SQL statements sent per dossier (JDBC executions counted by the benchmark's "
        + "StatementCounter over " + n + " dossiers each, one thread; a batch counts once): ours " + oursStatements
        + ". Full-shape reference: " + fullStatements + ". Bare reference: " + bareStatements + ".");
    Map<String, long[]> ours = delta(before, middle);
    Map<String, long[]> bare = delta(middle, after);
    StringBuilder text = new StringBuilder("Rows written per dossier (inserted / updated / deleted), ours vs reference, "
        + "from pg_stat_user_tables over " + n + " dossiers each: ");
    long[] totalOurs = new long[3];
    long[] totalBare = new long[3];
    Map<String, String> lines = new TreeMap<>();
    for (String table : union(ours, bare)) {
      long[] a = ours.getOrDefault(table, new long[3]);
      long[] b = bare.getOrDefault(table, new long[3]);
      for (int k = 0; k < 3; k++) {
        totalOurs[k] += a[k];
        totalBare[k] += b[k];
      }
      if (a[0] + a[1] + a[2] + b[0] + b[1] + b[2] > 0) {
        lines.put(table, table + " " + perDossier(a, n) + " vs " + perDossier(b, n));
      }
    }
    text.append(String.join("; ", lines.values()));
    text.append(". Total ").append(perDossier(totalOurs, n)).append(" vs ").append(perDossier(totalBare, n)).append('.');
    bench.report.note("1 Java API", text.toString());
  }

  /** Runs the work with the statement counter on; answers what it counted per dossier. */
  private static String countingStatements(Lifecycle.Measurement work, int n) throws Exception {
    StatementCounter.reset();
    StatementCounter.counting = true;
    try {
      work.run();
    } finally {
      StatementCounter.counting = false;
    }
    String dump = System.getProperty("benchmark.statements.dump");
    if (dump != null) { // a file per reference: every statement with its executions per dossier, to compare
      StatementCounter.dump(java.nio.file.Path.of(dump + "-" + (++dumps) + ".tsv"), n);
      if (StatementCounter.TRACING) {
        StatementCounter.dumpTrace(java.nio.file.Path.of(dump + "-" + dumps + ".trace"));
      }
    }
    return StatementCounter.summary(n);
  }

  private static int dumps;

  private static List<String> union(Map<String, long[]> a, Map<String, long[]> b) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return List.copyOf(keys);
  }

  private static String perDossier(long[] v, int n) {
    return String.format(java.util.Locale.ROOT, "%.1f/%.1f/%.1f", v[0] / (double) n, v[1] / (double) n,
        v[2] / (double) n);
  }

  private static Map<String, long[]> delta(Map<String, long[]> a, Map<String, long[]> b) {
    Map<String, long[]> d = new HashMap<>();
    b.forEach((table, v) -> {
      long[] u = a.getOrDefault(table, new long[3]);
      d.put(table, new long[] {v[0] - u[0], v[1] - u[1], v[2] - u[2]});
    });
    return d;
  }

  private Map<String, long[]> tableCounters() throws Exception {
    Thread.sleep(11_000); // PostgreSQL backends report their counters when idle, at most every 10 s
    Map<String, long[]> counters = new HashMap<>();
    try (Connection c = DriverManager.getConnection(bench.jdbcUrl, bench.options.jdbcUser(),
        bench.options.jdbcPassword()); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
        while (rs.next()) {
          counters.put(rs.getString(1).toLowerCase(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }
      }
    }
    return counters;
  }
}
