package vn.gov.sct.onestop.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The lifecycle of an approved promotion-registration dossier: every user task with the clerk who does it
 * (a demo user of the task's candidate group) and the form values they submit. The reference process has
 * the same tasks and gets the same values.
 */
public final class Lifecycle {

  /** One user task of the lifecycle: who completes it, with which form values (the cluster harness drives it too). */
  public record Step(String taskKey, String user, Map<String, Object> variables) {}

  static final String PROCESS_KEY = "promotionRegistration";
  public static final String PROCEDURE_CODE = "promotion-registration";
  static final String BARE_KEY = "benchBareLifecycle";

  public static final List<Step> STEPS = List.of(
      new Step("checkCompleteness", "motcua", Map.of("receptionDecision", "ACCEPT")),
      new Step("assignSpecialist", "tp.thuongmai", Map.of("specialist", "cv.thuongmai")),
      new Step("appraiseDossier", "cv.thuongmai",
          Map.of("appraisalProposal", "APPROVE", "appraisalNote", "Đủ điều kiện theo Nghị định 81/2018/NĐ-CP")),
      new Step("approveResult", "giamdoc", Map.of("leaderDecision", "APPROVE")),
      new Step("issueResult", "vanphong", Map.of("documentNumber", "125/XNKM-SCT")),
      new Step("returnResult", "motcua", Map.of()));

  /**
   * The engine clock during runs 1 and 2: a working Monday, 09:00 in Hải Phòng, so the SLA timers of a dossier
   * (due dates, warnings) are the same whatever the hour the benchmark runs. The clock stands still meanwhile.
   */
  static final java.util.Date CLOCK = java.util.Date.from(java.time.LocalDateTime.parse("2026-11-23T09:00")
      .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());

  /** A measurement of runs 1 and 2. */
  interface Measurement {
    void run() throws Exception;
  }

  /** Runs a measurement with the engine clock held at {@link #CLOCK}, then gives the clock back. */
  static void atClock(Measurement measurement) throws Exception {
    ClockUtil.setCurrentTime(CLOCK);
    try {
      measurement.run();
    } finally {
      ClockUtil.reset();
    }
  }

  private Lifecycle() {}

  /** What the one-stop clerk types in the start form. */
  static Map<String, Object> startVariables(int i) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantName", "Công ty TNHH Thương mại Benchmark " + i);
    variables.put("applicantIdNumber", "0201234567");
    variables.put("applicantPhone", "0912345678");
    variables.put("applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    return variables;
  }
}
