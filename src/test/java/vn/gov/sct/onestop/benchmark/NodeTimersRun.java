package vn.gov.sct.onestop.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import vn.gov.sct.onestop.cluster.NodeTimers;

/**
 * Run 8: the SLA timer backlog fired by two nodes against one, in the same run (issue 18), with the cluster
 * harness's nodes and backlog ({@link NodeTimers}): the packaged application as separate JVMs on their own embedded
 * PostgreSQL 17. Needs the packaged jar: {@code mvn -Pbenchmark verify} packages it before the benchmark runs.
 */
final class NodeTimersRun {

  static final String RUN = "8 Two nodes";
  private final Options options;
  private final Report report;

  NodeTimersRun(Options options, Report report) {
    this.options = options;
    this.report = report;
  }

  void run() throws Exception {
    Path jar = jar();
    int cores = Runtime.getRuntime().availableProcessors();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Bench.log("run 8: %d timers per backlog, nodes of %s, %d cores, load %.1f", options.nodeTimers(), jar, cores, load);
    NodeTimers.Figures f = NodeTimers.measure(jar, options.nodeTimers(), Path.of("target", "benchmark-nodes"), "B8");
    String target = "≥ 1.6× with the cores for it";
    report.row(RUN, String.format(Locale.ROOT, "warning timers fired/s, backlog of %,d, two nodes vs one",
        options.nodeTimers()), Sample.format(f.two().rate(), 0), Sample.format(f.one().rate(), 0),
        Report.ratio(f.two().rate() / f.one().rate()) + "×", target);
    report.row(RUN, "cores available to the benchmark (all JVMs and PostgreSQL share them)", String.valueOf(cores), "–",
        "–", "–");
    report.note(RUN, String.format(Locale.ROOT, "The cluster harness's scenario 1 (RELIABILITY.md) in the "
        + "benchmark's run: two nodes of the packaged jar (`java %s %s -jar`, demo profile, job executor as "
        + "application.yaml: pool 4, 16 jobs per acquisition) on one embedded PostgreSQL (%s). A backlog of %,d "
        + "dossiers submitted online whose completeness-check warning timers are made due at once through the engine "
        + "REST API, fired by node-1 alone (%.1f s from the first to the last fired, after a wait of %.1f s for "
        + "the next acquisition); then a second backlog of the same size with node-1 and node-2 (%.1f s, wait %.1f s; "
        + "per node %s). Exactly once: one node %d / %d / %d, two nodes %d / %d / %d (once / twice / never, from the "
        + "engine history and sla_event). Node start-ups %s s. %d cores for the benchmark JVM, both nodes and "
        + "PostgreSQL together; 1-minute load average %.1f at the start of the run.", "-Xmx512m -XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", f.postgres(),
        options.nodeTimers(), f.one().seconds(), f.one().waitSeconds(), f.two().seconds(), f.two().waitSeconds(),
        f.two().byNode(), f.one().once(), f.one().twice(), f.one().never(), f.two().once(), f.two().twice(),
        f.two().never(), f.startSeconds().stream().map(s -> Sample.format(s, 1)).toList(), cores, load));
    if (f.one().once() != options.nodeTimers() || f.two().once() != options.nodeTimers()) {
      throw new IllegalStateException("timers not fired exactly once: one node " + f.one() + ", two nodes " + f.two());
    }
  }

  /** The packaged application under target/ (the Maven profile builds it before the benchmark). */
  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("onestop-.*\\.jar")
              && !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no packaged application target/onestop-*.jar: "
              + "run the benchmark with mvn -Pbenchmark verify, which packages it first"));
    }
  }
}
