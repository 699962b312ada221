package vn.gov.sct.onestop.cluster;

import java.util.List;

/**
 * Scenario 5: the nodes are restarted one after the other (SIGTERM, Spring Boot's graceful shutdown, start, wait
 * for health) under load; no request fails beyond the retries the client is told to make.
 */
final class RollingRestartScenario {

  private final ClusterMain cluster;

  RollingRestartScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    int threads = cluster.threads();
    Reliability.Section s = cluster.report.section("5. Rolling restart", String.format("Both nodes serve %d "
        + "applicants-and-clerks as in scenario 2; node-1 gets SIGTERM (graceful shutdown: requests in flight "
        + "finish), is started again and waited for until healthy, then node-2 the same; 10 s more load.", threads));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Office office = new Office(List.of(one, two), new Tally(), "R");
    Load load = new Load(office, threads);
    Thread.sleep(8000);
    StringBuilder times = new StringBuilder();
    for (Node node : List.of(one, two)) {
      double stop = node.stop();
      double start = node.start();
      ClusterMain.log("%s stopped in %.1f s, healthy again after %.1f s", node.name, stop, start);
      times.append(String.format("%s: stopped in %.1f s, healthy after %.1f s; ", node.name, stop, start));
    }
    Thread.sleep(10_000);
    load.stop();
    Tally tally = office.tally();
    Checks.Dossiers dossiers = cluster.checks.dossiers(load.submitted);
    s.figure("restarts", times.toString().trim());
    s.figure("load", String.format("%d dossiers submitted, %d moved through all six tasks", load.submitted.size(),
        load.finished.size()));
    s.figure("requests (applicants and clerks)", tally.describe());
    s.figure("unclean failures", String.valueOf(tally.unclean())
        + (tally.unclean() > 0 ? " " + tally.uncleanExamples() : ""));
    s.figure("slowest request", String.format("%.0f ms", tally.slowestMillis()));
    s.figure("dossiers checked", String.format("%d: %d inconsistent", dossiers.checked(), dossiers.problems().size()));
    s.expect(tally.unclean() == 0, "no failed request beyond retries the client is told to make");
    s.expect(load.failures.isEmpty(), "every dossier's steps could be done: " + load.failures);
    s.expect(dossiers.problems().isEmpty(), "every dossier consistent: " + dossiers.problems());
    s.verdict = "passed";
  }
}
