package vn.gov.sct.onestop.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the benchmark, {@code --name=value}. The defaults are the sizes of issue 8.
 *
 * <pre>
 *   --dossiers=2000        run 1 and 2: dossiers per measurement
 *   --http-dossiers=500    run 2: dossiers per measurement through HTTP
 *   --threads=4            worker threads (clerks) of runs 1, 2 and the set-up of 3
 *   --timers=10000         run 3: dossiers whose SLA warning timers fall due at once
 *   --rows=1000000         run 4: synthetic registry rows
 *   --engine-history=50000 run 4: engine process instances the reference query reads
 *   --repeats=3            measured repetitions of every figure (after a warm-up)
 *   --startups=3           run 5: measured cold start-ups of each application (after one warm-up start)
 *   --runs=throughput,http,timers,statistics,search,footprint,tasklist,nodes
 *   --jdbc-url=...         use this PostgreSQL database instead of the embedded PostgreSQL 17
 *   --jdbc-user=postgres --jdbc-password=postgres
 *   --output=BENCHMARKS.md
 *   --tasklist=5000,20000,50000  run 7: open dossiers at which a clerk's Tasklist filters are measured
 *   --tasklist-calls=20    run 7: calls of each filter's list and count per size (after 3 warm-up calls)
 *   --tasklist-engine=5000 run 7: open dossiers built through the engine; past them, copies of their runtime rows
 *   --node-timers=2000     run 8: SLA timers per backlog fired by one node, then by two nodes
 *   --app.name=value       an application setting for this run (e.g. --app.camunda.bpm.history-level=audit)
 * </pre>
 */
record Options(int dossiers, int threads, int timers, int rows, int engineHistory, int repeats, int startups,
    Set<String> runs, String jdbcUrl, String jdbcUser, String jdbcPassword, String output, int statsCalls,
    int engineStatsCalls, int profileDossiers, int httpDossiers, List<String> applicationArgs, String commandLine,
    List<Integer> tasklistSizes, int tasklistCalls, int tasklistEngine, int nodeTimers) {

  static final List<String> ALL_RUNS = List.of("throughput", "http", "timers", "statistics", "search", "footprint",
      "tasklist", "nodes");

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> applicationArgs = new java.util.ArrayList<>();
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      if (arg.startsWith("--app.")) { // --app.camunda.bpm.history-level=audit: a setting for the application
        applicationArgs.add("--" + arg.substring("--app.".length()));
        continue;
      }
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Options are --name=value, not '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      values.put(arg.substring(2, eq), arg.substring(eq + 1).trim());
    }
    Options options = new Options(
        integer(values, "dossiers", 2000), integer(values, "threads", 4), integer(values, "timers", 10000),
        integer(values, "rows", 1_000_000), integer(values, "engine-history", 50_000), integer(values, "repeats", 3),
        integer(values, "startups", 3),
        Set.copyOf(Arrays.asList(values.getOrDefault("runs", String.join(",", ALL_RUNS)).split(","))),
        blankToNull(values.remove("jdbc-url")), values.getOrDefault("jdbc-user", "postgres"),
        values.getOrDefault("jdbc-password", "postgres"), values.getOrDefault("output", "BENCHMARKS.md"),
        integer(values, "stats-calls", 30), integer(values, "engine-stats-calls", 5),
        integer(values, "profile-dossiers", 50), integer(values, "http-dossiers", 500), List.copyOf(applicationArgs), String.join(" ", args).trim(),
        Arrays.stream(values.getOrDefault("tasklist", "5000,20000,50000").split(",")).map(String::trim)
            .map(v -> Integer.parseInt(v.replace("_", ""))).sorted().toList(),
        integer(values, "tasklist-calls", 20), integer(values, "tasklist-engine", 5000),
        integer(values, "node-timers", 2000));
    values.keySet().removeAll(List.of("dossiers", "threads", "timers", "rows", "engine-history", "repeats", "startups",
        "runs", "jdbc-user", "jdbc-password", "output", "stats-calls", "engine-stats-calls", "profile-dossiers", "http-dossiers",
        "tasklist", "tasklist-calls", "tasklist-engine", "node-timers"));
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("Unknown options " + values.keySet());
    }
    for (String run : options.runs()) {
      if (!ALL_RUNS.contains(run)) {
        throw new IllegalArgumentException("Unknown run '" + run + "'; runs are " + ALL_RUNS);
      }
    }
    if (options.repeats() < 1 || options.threads() < 1) {
      throw new IllegalArgumentException("--repeats and --threads must be at least 1");
    }
    return options;
  }

  boolean runs(String run) {
    return runs.contains(run);
  }

  private static int integer(Map<String, String> values, String name, int fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
