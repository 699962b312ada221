package vn.gov.sct.onestop.cluster;

import java.util.List;

/**
 * Scenario 3: the PostgreSQL server is stopped and started again under load. The nodes are not restarted: their
 * connection pools must replace the dead connections; requests during the outage answer 503 with a problem detail
 * (a sign-in that cannot be checked too: not 401), none hangs; afterwards nothing is half written.
 */
final class PostgresRestartScenario {

  static final long DOWN_MILLIS = 10_000;
  private final ClusterMain cluster;

  PostgresRestartScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    int threads = cluster.threads();
    Reliability.Section s = cluster.report.section("3. PostgreSQL restarted mid-load", String.format("Both nodes "
        + "serve %d applicants-and-clerks as in scenario 2. After 10 s the embedded PostgreSQL server is stopped "
        + "(`pg_ctl stop -m fast`: every backend terminated), kept down %d s and started again on the same data "
        + "directory and port; the load goes on for 30 s more. The nodes are not touched.", threads,
        DOWN_MILLIS / 1000));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    long pids = one.pid() + two.pid();
    Office office = new Office(List.of(one, two), new Tally(), "P");
    Load load = new Load(office, threads);
    Thread.sleep(10_000);
    long stopped = System.nanoTime();
    ClusterMain.log("stopping PostgreSQL");
    cluster.database.restart(DOWN_MILLIS);
    long started = System.nanoTime();
    ClusterMain.log("PostgreSQL started again after %.1f s", (started - stopped) / 1e9);
    Thread.sleep(30_000);
    load.stop();
    Tally tally = office.tally();
    Checks.Dossiers dossiers = cluster.checks.dossiers(load.submitted);
    int incidents = cluster.database.jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class);
    int failedJobs = cluster.database.jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is "
        + "not null", Integer.class);
    s.figure("load", String.format("%d dossiers submitted, %d moved through all six tasks", load.submitted.size(),
        load.finished.size()));
    s.figure("requests (applicants and clerks)", tally.describe());
    s.figure("unclean failures (500, 401, hang, wrong answer)", String.valueOf(tally.unclean())
        + (tally.unclean() > 0 ? " " + tally.uncleanExamples() : ""));
    s.figure("slowest request", String.format("%.0f ms", tally.slowestMillis()));
    s.figure("database down", String.format("%.1f s (stop, %d s pause, start)", (started - stopped) / 1e9,
        DOWN_MILLIS / 1000));
    s.figure("service back (last failed request after PostgreSQL was up again)", String.format("%.1f s",
        Math.max(0, (tally.lastFailureNanos() - started) / 1e9)));
    s.figure("nodes restarted", one.alive() && two.alive() && one.pid() + two.pid() == pids ? "none" : "some");
    s.figure("dossiers checked", String.format("%d: %d inconsistent", dossiers.checked(), dossiers.problems().size()));
    s.figure("jobs failed and waiting for a retry / incidents", failedJobs + " / " + incidents);
    s.expect(tally.unclean() == 0, "every request succeeded or failed cleanly (503 with a problem detail)");
    s.expect(load.failures.isEmpty(), "every dossier's steps could be done: " + load.failures);
    s.expect(dossiers.problems().isEmpty(), "every dossier consistent: " + dossiers.problems());
    s.expect(one.alive() && two.alive(), "both nodes served on without a restart");
    s.expect(incidents == 0, "no incident (no human needed)");
    s.verdict = "passed";
  }
}
