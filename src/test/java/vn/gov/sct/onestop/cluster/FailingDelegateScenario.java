package vn.gov.sct.onestop.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: the SLA warning's delegate fails (the fault switch makes its service task throw, as a receiver that
 * is down would): the timer job is retried with the configured backoff, then raises an incident that Cockpit shows;
 * after the cause is fixed, a retry as Cockpit sends it fires each timer once, and the dossiers complete with
 * nothing duplicated.
 */
final class FailingDelegateScenario {

  static final int DOSSIERS = 5;
  static final String TASK = "checkCompletenessWarningNotice";
  private final ClusterMain cluster;

  FailingDelegateScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    Reliability.Section s = cluster.report.section("6. A delegate failing", String.format("%d dossiers wait at the "
        + "completeness check; the fault switch makes the SLA warning's service task (`%s`, delegate `slaWarning`) "
        + "throw on both nodes, and their warning timers are made due. The harness waits for the incidents, reads "
        + "them through the engine REST API as Cockpit does (`GET /engine-rest/incident`), removes the cause, sends "
        + "Cockpit's retry (`PUT /engine-rest/job/{id}/retries`), then moves every dossier through its six tasks. "
        + "Retry cycle of the nodes in this run: `PT2S,PT4S,PT8S` (production: application.yaml).", DOSSIERS, TASK));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Office office = new Office(List.of(one, two), new Tally(), "F");
    TimerBacklog backlog = TimerBacklog.submit(office, cluster.database.jdbc, DOSSIERS);
    Path cause = cluster.faults.resolve(TASK);
    Files.writeString(cause, "the receiver is down");
    String jobs = NodeKillScenario.in(backlog.jobs.values());
    Date due = new Date(System.currentTimeMillis() + 1000);
    backlog.dueAt(office, due);
    long deadline = System.nanoTime() + 180_000_000_000L;
    int incidents = 0;
    while (System.nanoTime() < deadline) {
      incidents = cluster.database.jdbc.queryForObject("select count(*) from act_ru_incident where incident_type_ = "
          + "'failedJob' and configuration_ in (" + jobs + ")", Integer.class);
      if (incidents == DOSSIERS) {
        break;
      }
      Thread.sleep(250);
    }
    double toIncident = (System.currentTimeMillis() - due.getTime()) / 1000.0;
    Office.Answer seen = office.send(base -> office.get(base + "/engine-rest/incident?incidentType=failedJob",
        Office.ADMIN), 200);
    JsonNode listed = office.json().readTree(seen.body());
    int inCockpit = 0;
    for (JsonNode incident : listed) {
      inCockpit += backlog.jobs.containsValue(incident.get("configuration").asText()) ? 1 : 0;
    }
    List<Double> gaps = new ArrayList<>();
    int failures = 0;
    for (String job : backlog.jobs.values()) {
      List<Timestamp> times = cluster.database.jdbc.queryForList("select timestamp_ from act_hi_job_log where "
          + "job_state_ = 1 and job_id_ = ? order by timestamp_", Timestamp.class, job);
      failures += times.size();
      for (int i = 1; i < times.size(); i++) {
        gaps.add((times.get(i).getTime() - times.get(i - 1).getTime()) / 1000.0);
      }
    }
    int firedWhileBroken = cluster.database.jdbc.queryForObject("select count(*) from sla_event where kind = 'WARNING'"
        + " and dossier_code in (" + NodeKillScenario.in(backlog.codes) + ")", Integer.class);
    Files.delete(cause);
    int retried = 0;
    for (String job : backlog.jobs.values()) {
      for (int attempt = 1; attempt <= 20; attempt++) {
        if (office.send(base -> office.put(base + "/engine-rest/job/" + job + "/retries", Office.ADMIN,
            Map.of("retries", 1)), 204).ok()) {
          retried++;
          break;
        }
        Office.pause(attempt);
      }
    }
    long fired = backlog.awaitFired(backlog.jobs.values(), System.nanoTime() + 120_000_000_000L);
    int open = cluster.database.jdbc.queryForObject("select count(*) from act_ru_incident where configuration_ in ("
        + jobs + ")", Integer.class);
    int driven = 0;
    for (String code : backlog.codes) {
      driven += office.drive(code) ? 1 : 0;
    }
    Checks.Timers timers = cluster.checks.timers(backlog.codes, TimerBacklog.ACTIVITY, TimerBacklog.KIND);
    Checks.Dossiers dossiers = cluster.checks.dossiers(backlog.codes);
    s.figure("failed attempts per timer job (job log) before the incident", String.format("%.1f (%d in all)",
        failures / (double) DOSSIERS, failures));
    s.figure("seconds between attempts (configured 2, 4, 8; plus the acquisition wait)", gaps.stream()
        .map(g -> String.format("%.1f", g)).toList().toString());
    s.figure("incidents raised / listed by the engine REST API (Cockpit)", incidents + " / " + inCockpit + String.format(
        ", %.1f s after the timers fell due", toIncident));
    s.figure("warnings recorded while the delegate failed", String.valueOf(firedWhileBroken));
    s.figure("retried from Cockpit / fired after the retry / incidents left", retried + " / "
        + (fired > 0 ? DOSSIERS : 0) + " / " + open);
    s.figure("timers fired once / twice / never", timers.once() + " / " + timers.twice() + " / " + timers.never());
    s.figure("dossiers completed afterwards / consistent", driven + " / " + (dossiers.checked()
        - dossiers.problems().size()));
    s.expect(incidents == DOSSIERS && inCockpit == DOSSIERS, "every failing job ended in an incident shown in Cockpit");
    s.expect(failures >= DOSSIERS * 3, "each job was retried before the incident");
    s.expect(firedWhileBroken == 0, "a failed attempt wrote nothing");
    s.expect(fired > 0 && open == 0, "the retry after the fix fired every timer and resolved every incident");
    s.expect(timers.exact(DOSSIERS), "every warning recorded exactly once");
    s.expect(driven == DOSSIERS && dossiers.problems().isEmpty() && dossiers.returned() == DOSSIERS,
        "every dossier completed, consistent: " + dossiers.problems());
    s.verdict = "passed";
  }
}
