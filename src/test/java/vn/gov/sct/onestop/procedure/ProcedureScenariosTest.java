package vn.gov.sct.onestop.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.gov.sct.onestop.DossierScenarioSupport;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.dossier.Outcome;
import vn.gov.sct.onestop.sla.SlaEvent;
import vn.gov.sct.onestop.sla.SlaEventKind;

/**
 * The stories of a dossier of each of the four procedures, end to end through reception, division processing
 * and result return, on the working-day calendar of 2026.
 */
class ProcedureScenariosTest extends DossierScenarioSupport {

  enum Case {
    PROMOTION("promotionRegistration", "trade-management", "cv.thuongmai", false, 4),
    PETROLEUM("petroleumRetail", "trade-management", "cv.thuongmai", true, 15),
    ELECTRICITY("electricityRetail", "energy-management", "cv.nangluong", false, 12),
    SEAL("inspectionSeal", "trade-management", "cv.thuongmai", false, 5);

    final String processKey;
    final String division;
    final String specialist;
    final boolean inspection;
    final int days;

    Case(String processKey, String division, String specialist, boolean inspection, int days) {
      this.processKey = processKey;
      this.division = division;
      this.specialist = specialist;
      this.inspection = inspection;
      this.days = days;
    }
  }

  /** Monday 2 March 2026, 08:00: an ordinary working morning. */
  private static final String MONDAY_MORNING = "2026-03-02T08:00";

  private String receive(Case c) {
    String code = submit(c.processKey, at(MONDAY_MORNING));
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    return code;
  }

  private void assignAndInspect(String code, Case c) {
    complete(code, "assignSpecialist", "specialist", c.specialist);
    if (c.inspection) {
      complete(code, "scheduleInspection", "inspectionDate", date(at("2026-03-04T08:00")), "inspectionTeam",
          "Trần Văn Hùng (trưởng đoàn), Phòng Cảnh sát PCCC");
      complete(code, "recordInspection", "inspectionResult", "PASSED", "inspectionMinutes",
          "Cửa hàng đáp ứng đủ điều kiện theo biên bản số 12/BB-KT");
    }
  }

  private void signIssueAndReturn(String code) {
    complete(code, "approveResult", "leaderDecision", "APPROVE");
    complete(code, "issueResult", "documentNumber", "125/GCN-SCT");
    complete(code, "returnResult");
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void happyPathIssuesTheResultBeforeTheLegalDueDate(Case c) {
    String code = receive(c);

    Dossier received = dossier(code);
    assertThat(received.status()).isEqualTo(DossierStatus.IN_PROCESS);
    assertThat(received.division()).isEqualTo(c.division);
    assertThat(received.dueAt()).isEqualTo(calendar.addWorkingDays(at(MONDAY_MORNING), BigDecimal.valueOf(c.days)));
    assertThat(task(code, "assignSpecialist").getDueDate().toInstant())
        .isEqualTo(calendar.addWorkingDays(at(MONDAY_MORNING), new BigDecimal("0.5")));

    assignAndInspect(code, c);
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE", "appraisalNote", "Đủ điều kiện");
    signIssueAndReturn(code);

    assertThat(ended(code)).isTrue();
    Dossier done = dossier(code);
    assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(done.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(done.timeliness()).isEqualTo(Timeliness.EARLY.name());
    assertThat(slaEvents.of(code)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void supplementAtReceptionThenAccept(Case c) {
    String code = submit(c.processKey, at(MONDAY_MORNING));
    complete(code, "checkCompleteness", "receptionDecision", "SUPPLEMENT", "receptionNote", "Thiếu bản kê trang thiết bị");
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);

    clockAt(at("2026-03-05T09:00"));
    complete(code, "awaitSupplement");
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");

    // the legal clock counts from the supplement's arrival
    assertThat(dossier(code).dueAt())
        .isEqualTo(calendar.addWorkingDays(at("2026-03-05T09:00"), BigDecimal.valueOf(c.days)));
    assignAndInspect(code, c);
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    signIssueAndReturn(code);
    assertThat(dossier(code).outcome()).isEqualTo(Outcome.APPROVED);
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void refusedAtReception(Case c) {
    String code = submit(c.processKey, at(MONDAY_MORNING));
    complete(code, "checkCompleteness", "receptionDecision", "REFUSE", "receptionNote",
        "Không thuộc thẩm quyền của Sở Công Thương");

    assertThat(ended(code)).isTrue();
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.NOT_RECEIVED);
    assertThat(dossier(code).outcome()).isEqualTo(Outcome.REFUSED);
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void refusedAfterAppraisalWithReasons(Case c) {
    String code = receive(c);
    assignAndInspect(code, c);
    complete(code, "appraiseDossier", "appraisalProposal", "REFUSE", "appraisalNote", "Không đủ điều kiện");
    signIssueAndReturn(code);

    assertThat(dossier(code).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.RETURNED);
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void leaderSendsBackThenSigns(Case c) {
    String code = receive(c);
    assignAndInspect(code, c);
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    complete(code, "approveResult", "leaderDecision", "SEND_BACK", "leaderNote", "Bổ sung căn cứ pháp lý");

    Task again = task(code, "appraiseDossier");
    assertThat(again.getAssignee()).isEqualTo(c.specialist);
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    signIssueAndReturn(code);
    assertThat(dossier(code).outcome()).isEqualTo(Outcome.APPROVED);
  }

  /**
   * Every step runs past its due date: the warning and the overdue report fire for each, the apology duty
   * arrives one working day before the legal due date, and the dossier is classified late.
   */
  @ParameterizedTest
  @EnumSource(Case.class)
  void lateDossierGetsWarningsEscalationsApologyAndIsClassifiedLate(Case c) {
    String code = submit(c.processKey, at(MONDAY_MORNING));
    late(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    Instant dueAt = dossier(code).dueAt();
    late(code, "assignSpecialist", "specialist", c.specialist);
    if (c.inspection) {
      late(code, "scheduleInspection", "inspectionDate", date(now()), "inspectionTeam", "Đoàn kiểm tra liên ngành");
      late(code, "recordInspection", "inspectionResult", "PASSED", "inspectionMinutes", "Đạt");
    }
    late(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    // still appraising: move to the apology instant if the dossier is not there yet
    if (now().isBefore(calendar.subtractWorkingDays(dueAt, BigDecimal.ONE))) {
      moveClockTo(calendar.subtractWorkingDays(dueAt, BigDecimal.ONE));
    }
    Task apology = task(code, "issueApology");
    assertThat(tasks.createTaskQuery().taskId(apology.getId()).taskCandidateGroup(c.division).count()).isEqualTo(1);
    Instant newDue = calendar.addWorkingDays(dueAt, new BigDecimal("3"));
    complete(code, "issueApology", "apologyReason", "Hồ sơ phức tạp, cần thêm thời gian thẩm định",
        "newDueAt", date(newDue));
    late(code, "approveResult", "leaderDecision", "APPROVE");
    late(code, "issueResult", "documentNumber", "7/GP-SCT");
    complete(code, "returnResult");

    Dossier done = dossier(code);
    assertThat(done.timeliness()).isEqualTo(Timeliness.LATE.name());
    assertThat(jdbc.queryForObject("select apology_count from dossier where code = ?", Integer.class, code))
        .isEqualTo(1);
    List<SlaEvent> events = slaEvents.of(code);
    assertThat(events).extracting(SlaEvent::kind).contains(SlaEventKind.WARNING, SlaEventKind.OVERDUE,
        SlaEventKind.APOLOGY);
    assertThat(events).filteredOn(e -> e.kind() == SlaEventKind.OVERDUE).extracting(SlaEvent::step)
        .contains("checkCompleteness", "assignSpecialist", "appraiseDossier", "approveResult", "issueResult");
  }

  /** Lets a step run one minute past its due date (timers fire), then completes it. */
  private void late(String code, String taskKey, Object... vars) {
    Task task = task(code, taskKey);
    moveClockTo(task.getDueDate().toInstant().plus(Duration.ofMinutes(1)));
    Task overdue = task(code, taskKey);
    assertThat(overdue.getPriority()).isEqualTo(100);
    complete(code, taskKey, vars);
  }

  @Test
  void petroleumFailedSiteInspectionLeadsToAReasonedRefusal() {
    String code = receive(Case.PETROLEUM);
    complete(code, "assignSpecialist", "specialist", "cv.thuongmai");
    complete(code, "scheduleInspection", "inspectionDate", date(at("2026-03-04T08:00")), "inspectionTeam", "Đoàn 1");
    complete(code, "recordInspection", "inspectionResult", "FAILED", "inspectionMinutes",
        "Khoảng cách an toàn PCCC không đạt");

    assertThat(openTaskKeys(code)).containsExactly("approveResult");
    assertThat(runtime.getVariable(task(code, "approveResult").getExecutionId(), "appraisalNote").toString())
        .contains("Khoảng cách an toàn PCCC không đạt");
    signIssueAndReturn(code);
    assertThat(dossier(code).outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void petroleumSiteInspectionNeedsDateAndMinutes() {
    String code = receive(Case.PETROLEUM);
    complete(code, "assignSpecialist", "specialist", "cv.thuongmai");
    assertThatThrownBy(() -> complete(code, "scheduleInspection", "inspectionTeam", "Đoàn 1"))
        .hasMessageContaining("inspectionDate");
  }

  @Test
  void specialistMustBelongToTheResponsibleDivision() {
    String code = receive(Case.ELECTRICITY);
    assertThat(task(code, "assignSpecialist").getDueDate()).isNotNull();
    assertThatThrownBy(() -> complete(code, "assignSpecialist", "specialist", "cv.thuongmai"))
        .hasMessageContaining("energy-management");
  }

  @Test
  void applicantWhoNeverSupplementsIsWithdrawn() {
    String code = submit("inspectionSeal", at(MONDAY_MORNING));
    complete(code, "checkCompleteness", "receptionDecision", "SUPPLEMENT", "receptionNote", "Thiếu mẫu dấu");
    Date limit = (Date) runtime.getVariable(task(code, "awaitSupplement").getExecutionId(), "supplementDeadline");
    moveClockTo(limit.toInstant().plusSeconds(60));

    assertThat(ended(code)).isTrue();
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.WITHDRAWN);
  }

  @Test
  void onTheSameDayAsTheDueDateIsOnTimeAndEarlierIsEarly() {
    String code = receive(Case.PROMOTION);
    assignAndInspect(code, Case.PROMOTION);
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    clockAt(at("2026-03-03T08:00"));
    signIssueAndReturn(code);
    assertThat(dossier(code).timeliness()).isEqualTo(Timeliness.EARLY.name());
  }

  @Test
  void theTimersOfAStepAgreeWithItsDueDate() {
    String code = receive(Case.PETROLEUM);
    Task assign = task(code, "assignSpecialist");
    List<Job> timers = management.createJobQuery().timers().activityId("assignSpecialistOverdue").list();
    Job overdue = timers.stream().filter(j -> code.equals(j.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult()
            .getBusinessKey())).findFirst().orElseThrow();
    assertThat(overdue.getDuedate()).isEqualTo(assign.getDueDate());
  }

  /**
   * Given an electricity dossier received on Monday 2/3/2026 at 08:00, when the specialist asks for a
   * supplement on Tuesday at 10:00 and it arrives on Thursday at 15:00, then the legal due date moves later by
   * exactly the 19 working hours in between, and so does the apology timer.
   */
  @Test
  void supplementDuringAppraisalPausesTheClockByExactlyThePausedWorkingTime() {
    String code = receive(Case.ELECTRICITY);
    Instant dueBefore = dossier(code).dueAt();
    complete(code, "assignSpecialist", "specialist", "cv.nangluong");
    Job apologyBefore = apologyTimer(code);
    assertThat(apologyBefore.getDuedate().toInstant())
        .isEqualTo(calendar.subtractWorkingDays(dueBefore, BigDecimal.ONE));

    clockAt(at("2026-03-03T10:00"));
    complete(code, "appraiseDossier", "appraisalProposal", "SUPPLEMENT", "appraisalNote",
        "Bổ sung danh sách người trực tiếp quản lý kinh doanh");
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(openTaskKeys(code)).containsExactly("awaitAppraisalSupplement");

    moveClockTo(at("2026-03-05T15:00"));
    complete(code, "awaitAppraisalSupplement");

    long paused = 90 + 240 + 480 + 240 + 90; // Tue 10:00-17:30, Wed, Thu 07:30-15:00
    Instant dueAfter = dossier(code).dueAt();
    assertThat(calendar.workingMinutesBetween(dueBefore, dueAfter)).isEqualTo(paused);
    assertThat(dueAfter).isEqualTo(calendar.addWorkingMinutes(dueBefore, paused));
    assertThat(dossier(code).status()).isEqualTo(DossierStatus.IN_PROCESS);
    assertThat(apologyTimer(code).getDuedate().toInstant())
        .isEqualTo(calendar.subtractWorkingDays(dueAfter, BigDecimal.ONE));
    assertThat(((Date) runtime.getVariable(task(code, "appraiseDossier").getExecutionId(), "dueAt")).toInstant())
        .isEqualTo(dueAfter);

    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    signIssueAndReturn(code);
    assertThat(dossier(code).dueAt()).isEqualTo(dueAfter);
    assertThat(dossier(code).timeliness()).isEqualTo(Timeliness.EARLY.name());
  }

  /**
   * Warning half a working day before the step's due date, or halfway through a step that is not longer than
   * that; overdue report at the due date: at working instants.
   */
  @Test
  void warningAndOverdueTimersFireAtTheRightWorkingInstants() {
    // received Friday 6/3/2026 at 16:45: assignment (0.5 day: 45 minutes on Friday, 195 on Monday) is due Monday 9/3 at 10:45
    String code = submit("promotionRegistration", at("2026-03-06T16:30"));
    clockAt(at("2026-03-06T16:45"));
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    Task assign = task(code, "assignSpecialist");
    assertThat(assign.getDueDate().toInstant()).isEqualTo(at("2026-03-09T10:45"));

    // the step is no longer than the warning lead: the warning comes halfway, after 120 working minutes
    // (45 on Friday, 75 on Monday), not the moment the task appears
    Job warning = job(code, "assignSpecialistWarning");
    assertThat(warning.getDuedate().toInstant()).isEqualTo(at("2026-03-09T08:45"));
    moveClockTo(at("2026-03-09T08:44"));
    assertThat(slaEvents.of(code)).isEmpty();
    moveClockTo(at("2026-03-09T08:45"));
    assertThat(slaEvents.of(code)).extracting(SlaEvent::kind).containsExactly(SlaEventKind.WARNING);

    moveClockTo(at("2026-03-09T10:44"));
    assertThat(slaEvents.of(code)).extracting(SlaEvent::kind).containsExactly(SlaEventKind.WARNING);
    moveClockTo(at("2026-03-09T10:45"));
    assertThat(slaEvents.of(code)).extracting(SlaEvent::kind)
        .containsExactly(SlaEventKind.WARNING, SlaEventKind.OVERDUE);
    assertThat(tasks.createTaskQuery().taskId(assign.getId()).taskCandidateGroup("trade-management-lead").count())
        .isEqualTo(1);
  }

  private Job apologyTimer(String code) {
    return job(code, "apologyTimer");
  }

  private Job job(String code, String activityId) {
    return management.createJobQuery().timers().activityId(activityId).list().stream()
        .filter(j -> code.equals(runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
            .singleResult().getBusinessKey()))
        .findFirst().orElseThrow(() -> new AssertionError("no timer " + activityId + " for " + code));
  }
}
