package vn.gov.sct.onestop.cluster;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: a backlog of SLA warning timers due at once, fired first by one node alone, then by two nodes on the
 * same database: each timer fired exactly once (engine history and sla_event), both nodes took part, and the rate
 * of each.
 */
final class TimersScenario {

  private final ClusterMain cluster;

  TimersScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  record Run(int n, double seconds, double delay, Checks.Timers timers) {}

  void run() throws Exception {
    int n = cluster.timers();
    Reliability.Section s = cluster.report.section("1. Timers on two nodes", String.format("A backlog of %d SLA "
        + "warning timers (`%s` of the completeness check, each of its own dossier submitted online) is made due at "
        + "once through the engine REST API (job definition suspended with its jobs, due dates moved, job "
        + "definition activated); first only node-1 runs, then a second backlog of the same size with node-1 and node-2 on the same database. Rate: timers fired per second between the "
        + "first and the last successful job of the backlog in the engine's job log (the wait until the idle job "
        + "executors' next acquisition is shown apart).", n, TimerBacklog.ACTIVITY));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    if (two.alive()) {
      two.stop();
    }
    cluster.ensureRunning(List.of(one));
    Run alone = backlog(n, List.of(one), "T1");
    cluster.ensureRunning(List.of(two));
    Run both = backlog(n, List.of(one, two), "T2");
    s.figure("one node: timers fired once / twice / never", alone.timers().once() + " / " + alone.timers().twice()
        + " / " + alone.timers().never());
    s.figure("one node: rate", String.format("%.0f timers/s (%d in %.1f s)", alone.n() / alone.seconds(), alone.n(),
        alone.seconds()));
    s.figure("two nodes: timers fired once / twice / never", both.timers().once() + " / " + both.timers().twice()
        + " / " + both.timers().never());
    s.figure("two nodes: rate", String.format("%.0f timers/s (%d in %.1f s), %.2f× one node", both.n() / both.seconds(),
        both.n(), both.seconds(), alone.seconds() / both.seconds()));
    s.figure("two nodes: timers fired per node (job log host)", both.timers().byNode().toString());
    s.figure("wait from due date to first fire (one node / two nodes)", String.format("%.1f s / %.1f s",
        alone.delay(), both.delay()));
    s.expect(alone.timers().exact(n), "one node: every timer fired exactly once");
    s.expect(both.timers().exact(n), "two nodes: every timer fired exactly once");
    s.expect(both.timers().byNode().size() == 2 && both.timers().byNode().values().stream().allMatch(c -> c > 0),
        "two nodes: both nodes fired timers of the backlog");
    s.verdict = "passed";
  }

  private Run backlog(int n, List<Node> nodes, String label) throws Exception {
    return backlog(cluster.database, cluster.checks, n, nodes, label);
  }

  /** One backlog of n timers fired by the given nodes (the benchmark's run 8 measures with it too). */
  static Run backlog(Database database, Checks checks, int n, List<Node> nodes, String label) throws Exception {
    Office office = new Office(nodes, new Tally(), label);
    ClusterMain.log("%s: submitting %d dossiers", label, n);
    TimerBacklog backlog = TimerBacklog.submit(office, database.jdbc, n);
    Date due = backlog.dueAtOnce(office);
    ClusterMain.log("%s: %d timers due at %s", label, n, due.toInstant());
    long deadline = System.nanoTime() + 300_000_000_000L;
    if (backlog.awaitFired(backlog.jobs.values(), deadline) < 0) {
      throw new IllegalStateException(backlog.pending() + " timers of " + label + " not fired within 300 s");
    }
    String in = String.join(",", backlog.jobs.values().stream().map(j -> "'" + j + "'").toList());
    Map<String, Object> span = database.jdbc.queryForMap("select min(timestamp_) as first, max(timestamp_) as "
        + "last from act_hi_job_log where job_state_ = 2 and job_id_ in (" + in + ")");
    Timestamp first = (Timestamp) span.get("first");
    Timestamp last = (Timestamp) span.get("last");
    double seconds = Math.max(0.001, (last.getTime() - first.getTime()) / 1000.0);
    double delay = (first.getTime() - due.getTime()) / 1000.0;
    Checks.Timers timers = checks.timers(backlog.codes, TimerBacklog.ACTIVITY, TimerBacklog.KIND);
    ClusterMain.log("%s: fired in %.1f s after a wait of %.1f s; once %d, twice %d, never %d, per node %s", label,
        seconds, delay, timers.once(), timers.twice(), timers.never(), timers.byNode());
    return new Run(n, seconds, delay, timers);
  }
}
