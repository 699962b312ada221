package vn.gov.sct.onestop.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 4: two clerks complete the same task of the same dossier at the same instant, one through each node. One
 * completion wins; the other is refused (409, or 404 when the task was already gone), and nothing is doubled.
 */
final class ConcurrentClerksScenario {

  static final int DOSSIERS = 30;
  private final ClusterMain cluster;

  ConcurrentClerksScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    Reliability.Section s = cluster.report.section("4. Concurrent clerks on one dossier", String.format("%d dossiers "
        + "submitted online; for each, two one-stop clerks' sessions (both as `motcua`, who has claimed the "
        + "completeness check) send the completion of the same task with the decision ACCEPT at the same instant "
        + "(a barrier), one to node-1 and one to node-2.", DOSSIERS));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Office office = new Office(List.of(one, two), new Tally(), "C");
    List<String> codes = new ArrayList<>();
    Map<String, Long> outcomes = new TreeMap<>();
    int bothWon = 0;
    int noneWon = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < DOSSIERS; i++) {
        String code = office.submit(i);
        codes.add(code);
        Office.Answer found = office.sendTo(one, base -> office.get(base + "/engine-rest/task?processInstanceBusinessKey="
            + code + "&taskDefinitionKey=checkCompleteness", "motcua"), 200);
        JsonNode task = office.json().readTree(found.body()).get(0);
        String id = task.get("id").asText();
        office.sendTo(one, base -> office.post(base + "/engine-rest/task/" + id + "/claim", "motcua",
            Map.of("userId", "motcua")), 204);
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (Node node : List.of(one, two)) {
          answers.add(pool.submit(() -> {
            var request = office.post(node.base() + "/engine-rest/task/" + id + "/complete", "motcua",
                Map.of("variables", Map.of("receptionDecision", Map.of("value", "ACCEPT"))));
            barrier.await();
            return office.sendTo(node, base -> request, 204).status();
          }));
        }
        int won = 0;
        for (Future<Integer> answer : answers) {
          int status = answer.get();
          outcomes.merge(String.valueOf(status), 1L, Long::sum);
          won += status == 204 ? 1 : 0;
        }
        bothWon += won == 2 ? 1 : 0;
        noneWon += won == 0 ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }
    Checks.Dossiers dossiers = cluster.checks.dossiers(codes);
    String in = NodeKillScenario.in(codes);
    int completions = cluster.database.jdbc.queryForObject("select count(*) from act_hi_taskinst t join act_hi_procinst"
        + " p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = 'checkCompleteness' and t.end_time_ is not null and "
        + "p.business_key_ in (" + in + ")", Integer.class);
    int lines = cluster.database.jdbc.queryForObject("select count(*) from dossier_handoff where dossier_code in ("
        + in + ")", Integer.class);
    int nextTasks = cluster.database.jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution e "
        + "on e.id_ = t.proc_inst_id_ where e.business_key_ in (" + in + ")", Integer.class);
    s.figure("answers to the 2 × " + DOSSIERS + " completions, by HTTP status", outcomes.toString());
    s.figure("dossiers where both won / neither won", bothWon + " / " + noneWon);
    s.figure("completed completeness checks in the engine history", String.valueOf(completions));
    s.figure("control slip lines / open tasks after the race", lines + " / " + nextTasks);
    s.figure("dossiers checked", String.format("%d: %d inconsistent", dossiers.checked(), dossiers.problems().size()));
    s.figure("all requests of the scenario", office.tally().describe());
    s.expect(bothWon == 0 && noneWon == 0, "exactly one completion won for every dossier");
    s.expect(outcomes.keySet().stream().allMatch(k -> k.equals("204") || k.equals("409") || k.equals("404")),
        "the losing clerk got 409 (or 404 once the task was gone), nothing else");
    s.expect(completions == DOSSIERS && lines == DOSSIERS && nextTasks == DOSSIERS, "nothing doubled");
    s.expect(dossiers.problems().isEmpty(), "every dossier consistent: " + dossiers.problems());
    s.verdict = "passed";
  }
}
