package vn.gov.sct.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.handoff.ControlSlip;
import vn.gov.sct.onestop.handoff.ControlSlipEntry;

/** Đăng ký thực hiện khuyến mại, from the counter to the returned result. */
class PromotionRegistrationProcessTest extends EngineTestSupport {

  @Autowired ControlSlip controlSlip;

  private String receivedDossier(String applicant) {
    String code = submit("promotionRegistration", applicant).getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    return code;
  }

  @Test
  void approved_dossier_goes_through_every_unit_and_is_returned_early() {
    clockAt("2026-03-09T08:00");
    String code = receivedDossier("Công ty CP Thương mại Cảng Hải Phòng");
    ProcessInstance dossier = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("promotionRegistration").singleResult();

    clockAt("2026-03-09T09:00");
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    assertThat(openTask(code, "appraiseDossier").getAssignee()).isEqualTo("cv.thuongmai");
    clockAt("2026-03-10T10:00");
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE", "appraisalNote", "Đủ điều kiện"));
    clockAt("2026-03-10T15:00");
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    clockAt("2026-03-11T08:30");
    complete(code, "issueResult", "vanphong", vars("documentNumber", "125/XNKM-SCT"));

    Dossier completed = registry.get(code);
    assertThat(completed.status()).isEqualTo(DossierStatus.COMPLETED);
    assertThat(completed.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(completed.dueAt()).isEqualTo(vn("2026-03-13T08:00"));
    assertThat(completed.timeliness()).isEqualTo("EARLY");

    clockAt("2026-03-12T09:00");
    complete(code, "returnResult", "motcua", vars());
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(registry.get(code).returnedAt()).isEqualTo(vn("2026-03-12T09:00"));
    assertThat(dossier).isEnded();

    assertThat(controlSlip.entries(code))
        .extracting(ControlSlipEntry::fromUnit, ControlSlipEntry::toUnit, ControlSlipEntry::fromUser)
        .containsExactly(
            tuple("one-stop", "trade-management", "motcua"),
            tuple("trade-management", "board", "cv.thuongmai"),
            tuple("board", "office", "giamdoc"),
            tuple("office", "one-stop", "vanphong"));
    assertThat(controlSlip.entries(code)).allSatisfy(e -> assertThat(e.finishedAt()).isNotNull());
    // the trade division had 2 working days from 08:00 on Monday, and handed over on Tuesday
    ControlSlipEntry trade = controlSlip.entries(code).get(0);
    assertThat(trade.dueAt()).isEqualTo(vn("2026-03-11T08:00"));
    assertThat(trade.timeliness()).isEqualTo("EARLY");
  }

  @Test
  void leader_sends_the_draft_back_to_the_specialist() {
    clockAt("2026-03-16T08:00");
    String code = receivedDossier("Công ty TNHH Điện máy Lạch Tray");
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE"));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "SEND_BACK", "leaderNote", "Làm rõ giá trị giải thưởng"));

    assertThat(openTask(code, "appraiseDossier").getAssignee()).isEqualTo("cv.thuongmai");
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE"));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    complete(code, "issueResult", "vanphong", vars("documentNumber", "130/XNKM-SCT"));

    assertThat(controlSlip.entries(code)).extracting(ControlSlipEntry::toUnit)
        .containsExactly("trade-management", "board", "trade-management", "board", "office", "one-stop");
    assertThat(registry.get(code).outcome()).isEqualTo(Outcome.APPROVED);
  }

  @Test
  void appraisal_proposing_refusal_ends_with_a_reasoned_refusal() {
    clockAt("2026-03-16T08:00");
    String code = receivedDossier("Công ty TNHH Quà Tặng Đặc Biệt");
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", "cv.thuongmai",
        vars("appraisalProposal", "REFUSE", "appraisalNote", "Hàng hóa dùng để khuyến mại thuộc danh mục cấm"));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    complete(code, "issueResult", "vanphong", vars("documentNumber", "131/TB-SCT"));

    assertThat(registry.get(code).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.COMPLETED);
  }

  @Test
  void result_ready_after_the_due_date_is_late() {
    clockAt("2026-03-16T08:00");
    String code = receivedDossier("Công ty TNHH Chậm Trễ");
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE"));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));

    assertThat(registry.get(code).dueAt()).isEqualTo(vn("2026-03-20T08:00"));
    clockAt("2026-03-20T08:01");
    complete(code, "issueResult", "vanphong", vars("documentNumber", "140/XNKM-SCT"));

    assertThat(registry.get(code).timeliness()).isEqualTo("LATE");
  }
}
