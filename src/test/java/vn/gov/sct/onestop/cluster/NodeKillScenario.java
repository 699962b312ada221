package vn.gov.sct.onestop.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 2: kill -9 of node-2 while applicants submit, clerks complete tasks and both nodes fire a timer backlog.
 * Every request succeeded or failed cleanly; afterwards every dossier is consistent, every timer fired exactly once,
 * and the timers the dead node had locked fired on the survivor once their lock expired.
 */
final class NodeKillScenario {

  private final ClusterMain cluster;

  NodeKillScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    int n = cluster.timers();
    int threads = cluster.threads();
    Reliability.Section s = cluster.report.section("2. Node killed mid-load", String.format("Both nodes serve %d "
        + "applicants-and-clerks (each submits a promotion dossier online and moves it through its six tasks over "
        + "the engine REST API, dossier after dossier; requests alternate between the nodes as behind a load "
        + "balancer, which takes a node out for %d s after a refused or cut connection) while both fire a backlog of "
        + "%d SLA warning timers made due at once. When a third of the backlog has fired, node-2 is killed with "
        + "`kill -9` (Process.destroyForcibly); the load goes on for 20 s on node-1, then the harness waits for "
        + "every timer and checks the database. node-2 is started again meanwhile.", threads,
        Office.DOWN_MILLIS / 1000, n));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Office setup = new Office(List.of(one, two), new Tally(), "K-setup");
    TimerBacklog backlog = TimerBacklog.submit(setup, cluster.database.jdbc, n);
    Office office = new Office(List.of(one, two), new Tally(), "K");
    Load load = new Load(office, threads);
    Thread.sleep(5000);
    backlog.dueAtOnce(setup);
    long waitUntil = System.nanoTime() + 120_000_000_000L;
    while (backlog.pending() > n * 2 / 3 && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    List<Map<String, Object>> locked = cluster.database.jdbc.queryForList("select id_, lock_owner_, lock_exp_time_ "
        + "from act_ru_job where lock_exp_time_ > now() and id_ in (" + in(backlog.jobs.values()) + ")");
    int pendingAtKill = backlog.pending();
    long killedAt = System.nanoTime();
    two.kill();
    ClusterMain.log("killed node-2 with %d of %d timers pending, %d locked", pendingAtKill, n, locked.size());
    // the survivor finishes what it had locked within seconds; what is still locked as it was then is the dead node's
    Thread.sleep(6000);
    Set<String> orphaned = new HashSet<>();
    for (Map<String, Object> job : locked) {
      Integer same = cluster.database.jdbc.queryForObject("select count(*) from act_ru_job where id_ = ? and "
          + "lock_owner_ = ? and lock_exp_time_ = ?", Integer.class, job.get("id_"), job.get("lock_owner_"),
          job.get("lock_exp_time_"));
      if (same != null && same == 1) {
        orphaned.add((String) job.get("id_"));
      }
    }
    ClusterMain.log("%d timers locked by the dead node", orphaned.size());
    Thread.sleep(14000);
    load.stop();
    // node-2 comes back while the survivor waits for the dead node's locks to expire (a start takes about as long)
    java.util.concurrent.FutureTask<Double> restart = new java.util.concurrent.FutureTask<>(two::start);
    new Thread(restart, "restart-node-2").start();
    long orphansFired = backlog.awaitFired(orphaned, System.nanoTime() + 300_000_000_000L);
    long allFired = backlog.awaitFired(backlog.jobs.values(), System.nanoTime() + 120_000_000_000L);
    Set<String> loadCodes = new HashSet<>(load.submitted);
    List<String> everything = new ArrayList<>(loadCodes);
    everything.addAll(backlog.codes);
    Checks.Dossiers dossiers = cluster.checks.dossiers(everything);
    Checks.Timers timers = cluster.checks.timers(backlog.codes, TimerBacklog.ACTIVITY, TimerBacklog.KIND);
    Map<String, Integer> byApplicant = cluster.checks.dossiersByApplicant(office.applicant(0).replace(" 0", " "));
    long duplicates = byApplicant.values().stream().filter(c -> c > 1).count();
    List<String> orphanHosts = orphaned.isEmpty() ? List.of() : cluster.database.jdbc.queryForList(
        "select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ in (" + in(orphaned) + ")",
        String.class);
    // fired only once its lock had expired: a locked job is never taken by another node
    int beforeExpiry = 0;
    for (Map<String, Object> job : locked) {
      if (orphaned.contains((String) job.get("id_"))) {
        beforeExpiry += cluster.database.jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2"
            + " and job_id_ = ? and timestamp_ < ?", Integer.class, job.get("id_"), job.get("lock_exp_time_"));
      }
    }
    Tally tally = office.tally();
    s.figure("load", String.format("%d dossiers submitted, %d moved through all six tasks, %d left mid-way when the "
        + "load stopped", loadCodes.size(), load.finished.size(), loadCodes.size() - load.finished.size()));
    s.figure("requests (applicants and clerks)", tally.describe());
    s.figure("unclean failures (500, 401, hang, wrong answer)", String.valueOf(tally.unclean())
        + (tally.unclean() > 0 ? " " + tally.uncleanExamples() : ""));
    s.figure("slowest request", String.format("%.0f ms", tally.slowestMillis()));
    s.figure("submissions without an answer after every retry", String.valueOf(load.unacknowledged.get()));
    s.figure("dossiers checked (load and backlog)", String.format("%d: %d inconsistent", dossiers.checked(),
        dossiers.problems().size()));
    s.figure("the same submission registered twice (Idempotency-Key retries)", String.valueOf(duplicates));
    s.figure("backlog timers fired once / twice / never", timers.once() + " / " + timers.twice() + " / "
        + timers.never() + " (per node " + timers.byNode() + ")");
    s.figure("timers pending / locked by node-2 at the kill", pendingAtKill + " / " + orphaned.size());
    s.figure("timers of the dead node fired after the kill", orphaned.isEmpty() ? "none were locked" : String.format(
        "all %d, %.1f s after the kill, on %s, none before its lock expired", orphaned.size(), (orphansFired - killedAt) / 1e9, orphanHosts));
    s.figure("whole backlog fired", String.format("%.1f s after the kill", (allFired - killedAt) / 1e9));
    s.figure("clients served again (last refused/cut request after the kill)", String.format("%.1f s",
        Math.max(0, (tally.lastFailureNanos() - killedAt) / 1e9)));
    s.figure("node-2 started again (beside the wait), healthy after", ClusterMain.seconds(restart.get()));
    s.expect(tally.unclean() == 0, "every request succeeded or failed cleanly");
    s.expect(load.failures.isEmpty(), "every dossier's steps could be done: " + load.failures);
    s.expect(dossiers.problems().isEmpty(), "every dossier consistent: " + dossiers.problems());
    s.expect(duplicates == 0, "no submission registered twice");
    s.expect(timers.exact(n), "every backlog timer fired exactly once");
    s.expect(!orphaned.isEmpty(), "node-2 held timer locks when it was killed (so lock expiry was exercised)");
    s.expect(orphansFired > 0 && beforeExpiry == 0,
        "the timers locked by the dead node fired on a live node, after their lock expired");
    s.verdict = "passed";
  }

  static String in(java.util.Collection<String> ids) {
    return ids.isEmpty() ? "''" : String.join(",", ids.stream().map(j -> "'" + j.replace("'", "") + "'").toList());
  }
}
