package vn.gov.sct.onestop.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.attachment.AllowedType;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.attachment.NewFile;

/**
 * The tasks where a person judges the dossier carry its documents, with links that open them, and the
 * procedure's own fields, read from our tables: at the completeness check, after a supplement, at appraisal.
 */
class DossierViewTest extends EngineTestSupport {

  @Autowired AttachmentStore attachments;

  @Test
  void theCompletenessCheckAndTheAppraisalShowTheDocumentsAndTheFieldsOfThePromotion() {
    clockAt("2026-03-02T09:00");
    Map<String, Object> variables = vars("applicantName", "Công ty TNHH Biển Xanh", "promotionName", "Tri ân | 2026",
        "promotionStart", "2026-04-01", "promotionEnd", "2026-04-30", "promotionArea", "Quận Lê Chân");
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", variables).getBusinessKey();
    Task check = openTask(code, "checkCompleteness");
    String fields = (String) taskService.getVariableLocal(check.getId(), DossierView.FIELDS);
    assertThat(fields).contains("| Tên chương trình khuyến mại | Tri ân \\| 2026 |")
        .contains("| Ngày bắt đầu | 01/04/2026 |").contains("| Địa bàn thực hiện khuyến mại | Quận Lê Chân |");
    assertThat((String) taskService.getVariableLocal(check.getId(), DossierView.DOCUMENTS))
        .isEqualTo(DocumentList.EMPTY);

    // documents stored (as the online API does), then a supplement round: the new check lists both kinds
    List<String> ids = AttachmentStore.newIds(2);
    attachments.store(code, AttachmentKind.SUBMISSION, ids, List.of(pdf("don <dang> ky.pdf", 2048),
        pdf("the-le.pdf", 3 * 1024 * 1024)));
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Bổ sung"));
    clockAt("2026-03-03T10:15");
    List<String> more = AttachmentStore.newIds(1);
    attachments.store(code, AttachmentKind.SUPPLEMENT, more, List.of(pdf("the-le-da-ky.pdf", 100)),
        List.of("Thể lệ chương trình khuyến mại (theo mẫu)"));
    complete(code, "awaitSupplement", "motcua", vars("supplementReceived", true));

    String documents = (String) taskService.getVariableLocal(openTask(code, "checkCompleteness").getId(),
        DossierView.DOCUMENTS);
    String base = "/api/v1/dossiers/" + code + "/attachments/";
    assertThat(documents)
        .contains("| <a href=\"" + base + ids.get(0) + "?inline=true\" target=\"_blank\">don &lt;dang&gt; ky.pdf</a>"
            + " | Nộp lần đầu | 2,0 KB | 02/03/2026 09:00 |")
        .contains(base + ids.get(1) + "?inline=true").contains("| 3,0 MB |")
        .contains("| **Thể lệ chương trình khuyến mại \\(theo mẫu\\)** | | | |\n| ↳ <a href=\"" + base + more.get(0)
            + "?inline=true\" target=\"_blank\">the-le-da-ky.pdf</a> | Bổ sung | 100 B | 03/03/2026 10:15 |");
    assertThat(documents.indexOf("the-le.pdf")).isLessThan(documents.indexOf("the-le-da-ky.pdf"));

    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    Task appraisal = openTask(code, "appraiseDossier");
    assertThat((String) taskService.getVariableLocal(appraisal.getId(), DossierView.DOCUMENTS))
        .contains("the-le-da-ky.pdf").contains("don &lt;dang&gt; ky.pdf");
    assertThat((String) taskService.getVariableLocal(appraisal.getId(), DossierView.FIELDS))
        .contains("| Ngày kết thúc | 30/04/2026 |");
  }

  private static NewFile pdf(String name, int size) {
    byte[] content = new byte[size];
    return new NewFile(name, AllowedType.PDF, content, "0".repeat(64));
  }
}
