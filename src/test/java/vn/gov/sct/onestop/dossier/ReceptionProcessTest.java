package vn.gov.sct.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.EngineTestSupport;

/** Stories of the one-stop section's reception (common/reception.bpmn), told with promotion dossiers. */
class ReceptionProcessTest extends EngineTestSupport {

  @Test
  void complete_dossier_received_on_the_friday_before_tet_is_due_after_the_holiday() {
    clockAt("2026-02-13T16:45");
    ProcessInstance dossier = submit("promotionRegistration", "Công ty CP Siêu thị Hải Phòng");
    String code = dossier.getBusinessKey();
    assertThat(code).matches("H15\\.50-260213-\\d{4}");
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.NEWLY_REGISTERED);
    assertThat(openTask(code, "checkCompleteness").getName())
        .isEqualTo("Kiểm tra tính đầy đủ, hợp lệ của hồ sơ – " + code);
    assertThat(taskService.createTaskQuery().taskNameLike("%" + code).count()).isEqualTo(1);

    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    Dossier received = registry.get(code);
    assertThat(received.status()).isEqualTo(DossierStatus.IN_PROCESS);
    assertThat(received.receivedAt()).isEqualTo(vn("2026-02-13T16:45"));
    // 45 minutes on Friday, Tết from 14/2 to 22/2, then Mon 23 to Wed 25 and 7 h 15 of Thursday
    assertThat(received.dueAt()).isEqualTo(vn("2026-02-26T16:45"));
    assertThat(received.deadlineDays()).isEqualByComparingTo("4");
    assertThat(openTask(code, "assignSpecialist").getDueDate().toInstant()).isEqualTo(vn("2026-02-23T10:45"));
  }

  @Test
  void supplement_then_accept_counts_the_deadline_from_the_supplement() {
    clockAt("2026-03-02T09:00");
    String code = submit("promotionRegistration", "Hộ kinh doanh Trần Văn An").getBusinessKey();

    complete(code, "checkCompleteness", "motcua",
        vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Bổ sung thể lệ chương trình khuyến mại"));
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    Job timeLimit = managementService.createJobQuery().processInstanceId(
        openTask(code, "awaitSupplement").getProcessInstanceId()).timers().singleResult();
    // 30 working days: March has no holiday, so 2/3 09:00 + 30 days is 13/4 09:00
    assertThat(timeLimit.getDuedate().toInstant()).isEqualTo(vn("2026-04-13T09:00"));

    clockAt("2026-03-04T10:00");
    complete(code, "awaitSupplement", "motcua", vars());
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.NEWLY_REGISTERED);
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    Dossier received = registry.get(code);
    assertThat(received.receivedAt()).isEqualTo(vn("2026-03-04T10:00"));
    assertThat(received.dueAt()).isEqualTo(vn("2026-03-10T10:00"));
    assertThat(received.status()).isEqualTo(DossierStatus.IN_PROCESS);
  }

  @Test
  void supplement_not_given_in_time_withdraws_the_dossier() {
    clockAt("2026-03-02T09:00");
    ProcessInstance dossier = submit("promotionRegistration", "Công ty TNHH Minh Phát");
    String code = dossier.getBusinessKey();
    complete(code, "checkCompleteness", "motcua",
        vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Thiếu mẫu vé số dự thưởng"));

    clockAt("2026-04-13T09:01");
    fireTimer(code, "supplementTimeLimit");

    Dossier withdrawn = registry.get(code);
    assertThat(withdrawn.status()).isEqualTo(DossierStatus.WITHDRAWN);
    assertThat(withdrawn.outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(dossier).isEnded().hasPassed("dossierNotReceived");
  }

  @Test
  void out_of_scope_dossier_is_refused_with_reasons() {
    clockAt("2026-03-03T08:00");
    ProcessInstance dossier = submit("promotionRegistration", "Công ty TNHH Ngoài Tỉnh");
    String code = dossier.getBusinessKey();

    complete(code, "checkCompleteness", "motcua",
        vars("receptionDecision", "REFUSE", "receptionNote", "Chương trình khuyến mại thực hiện trên nhiều tỉnh: nộp tại Bộ Công Thương"));

    Dossier refused = registry.get(code);
    assertThat(refused.status()).isEqualTo(DossierStatus.NOT_RECEIVED);
    assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(refused.completedAt()).isEqualTo(vn("2026-03-03T08:00"));
    assertThat(dossier).isEnded().hasPassed("dossierNotReceived");
  }

  @Test
  void a_decision_missing_or_a_refusal_without_reasons_does_not_move_the_dossier() {
    clockAt("2026-03-03T08:00");
    String code = submit("promotionRegistration", "Công ty TNHH Thiếu Lý Do").getBusinessKey();

    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars()))
        .hasMessageContaining("receptionDecision").hasMessageContaining("ACCEPT, SUPPLEMENT, REFUSE");
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "MAYBE")))
        .hasMessageContaining("not 'MAYBE'");
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "REFUSE")))
        .hasMessageContaining("receptionNote");

    assertThat(openTask(code, "checkCompleteness")).isNotNull();
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.NEWLY_REGISTERED);
  }

  @Test
  void a_dossier_without_applicant_is_not_registered_at_all() {
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("promotionRegistration", vars("applicantName", " ")))
        .hasMessageContaining("applicantName");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
