package vn.gov.sct.onestop.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.sct.onestop.OnestopApplication;

/**
 * Run 5: start-up time to a ready Tasklist, each start a fresh JVM (so it is a cold start, as an operator's), and
 * resident memory. Reference: the bare Camunda Spring Boot application with the same starters and configuration.
 */
final class FootprintRun {

  static final String RUN = "5 Footprint";
  static final String JVM_OPTIONS = "-Xmx1g";

  /** Child mode: start one application, wait for Tasklist, print the figures, exit. */
  static void child(String which, String[] applicationArgs) throws Exception {
    long start = System.nanoTime();
    ConfigurableApplicationContext context = SpringApplication.run(
        "bare".equals(which) ? BareCamundaApplication.class : OnestopApplication.class, applicationArgs);
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    long ready = waitForTasklist(port, start);
    System.out.println("BENCH_STARTUP_MS=" + (ready - start) / 1_000_000 + " BENCH_VMHWM_KB=" + vmHwmKb()
        + " BENCH_JVM_UPTIME_MS=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    context.close();
    System.exit(0);
  }

  /** Nanotime of the first HTTP 200 on /camunda/app/tasklist/ (following redirects). */
  static long waitForTasklist(int port, long since) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
        .GET().build();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return System.nanoTime();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - since > 300_000_000_000L) {
        throw new IllegalStateException("Tasklist did not answer 200 within 300 s");
      }
      Thread.sleep(10);
    }
  }

  static long vmHwmKb() {
    return procStatus("VmHWM");
  }

  static long vmRssKb() {
    return procStatus("VmRSS");
  }

  private static long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private final Options options;
  private final Report report;
  private final Map<String, String> databases;

  /** @param databases per application ("ours", "bare"), the JDBC URL of its own database */
  FootprintRun(Options options, Report report, Map<String, String> databases) {
    this.options = options;
    this.report = report;
    this.databases = databases;
  }

  void run() throws Exception {
    Sample oursStart = new Sample();
    Sample bareStart = new Sample();
    Sample oursMemory = new Sample();
    Sample bareMemory = new Sample();
    Sample oursJvm = new Sample();
    Sample bareJvm = new Sample();
    for (String which : List.of("ours", "bare")) {
      long[] warm = startChild(which); // first start creates the schema: a warm-up, not counted
      Bench.log("run 5: warm-up start of %s: %d ms (creates its schema)", which, warm[0]);
    }
    for (int r = 0; r < options.startups(); r++) {
      for (String which : r % 2 == 0 ? List.of("ours", "bare") : List.of("bare", "ours")) {
        long[] figures = startChild(which);
        boolean ours = which.equals("ours");
        (ours ? oursStart : bareStart).add(figures[0] / 1000.0);
        (ours ? oursMemory : bareMemory).add(figures[1] / 1024.0);
        (ours ? oursJvm : bareJvm).add(figures[2] / 1000.0);
        Bench.log("run 5: start %d of %s: %d ms to Tasklist, VmHWM %d MB", r + 1, which, figures[0], figures[1] / 1024);
      }
    }
    report.row(RUN, "start-up s, SpringApplication.run → Tasklist 200", oursStart.describe(1), bareStart.describe(1),
        Report.ratio(oursStart.median() / bareStart.median()) + "× the time", "–");
    report.row(RUN, "start-up s, JVM start → Tasklist 200", oursJvm.describe(1), bareJvm.describe(1),
        Report.ratio(oursJvm.median() / bareJvm.median()) + "× the time", "–");
    report.row(RUN, "peak RSS MB (VmHWM) after start-up", oursMemory.describe(0), bareMemory.describe(0),
        Report.ratio(oursMemory.median() / bareMemory.median()) + "× the memory", "–");
    report.note(RUN, "Each start is a new JVM (" + JVM_OPTIONS + ", same class path as the benchmark) against its own "
        + "database that already holds its schema (a first, uncounted start per application created it); figures "
        + "are printed by the child when GET /camunda/app/tasklist/ first answers 200. Reference: "
        + "BareCamundaApplication (the Camunda engine, web apps and REST starters with application.yaml, no "
        + "application code, no Flyway).");
  }

  private long[] startChild(String which) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(JVM_OPTIONS);
    command.add("-Duser.timezone=UTC");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchmarkMain.class.getName());
    command.add("--child=" + which);
    command.addAll(BenchmarkMain.applicationArgs(databases.get(which), options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String figures = null;
    StringBuilder tail = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("BENCH_STARTUP_MS=")) {
          figures = line;
        }
        tail.append(line).append('\n');
        if (tail.length() > 20_000) {
          tail.delete(0, tail.length() - 10_000);
        }
      }
    }
    int exit = process.waitFor();
    if (figures == null || exit != 0) {
      throw new IllegalStateException("Start-up of " + which + " failed (exit " + exit + "):\n" + tail);
    }
    Matcher m = Pattern.compile("BENCH_STARTUP_MS=(\\d+) BENCH_VMHWM_KB=(-?\\d+) BENCH_JVM_UPTIME_MS=(\\d+)")
        .matcher(figures);
    if (!m.find()) {
      throw new IllegalStateException("Unreadable figures: " + figures);
    }
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }
}
