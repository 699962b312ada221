package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.paper.PdfChecks;
import vn.gov.sct.onestop.reception.ChecklistItem;
import vn.gov.sct.onestop.reception.PaperForm;
import vn.gov.sct.onestop.reception.ReceptionChecklist;

/**
 * The clerk prints the receipt from the reception task: in Tasklist, the completeness check's form links to the
 * dossier's receipt; once the clerk has chosen "Tiếp nhận hồ sơ" and completed the task, the link gives the PDF
 * through the web app's session (no password asked again). The PDF lands in {@code target/browser-screenshots/}.
 */
class ReceiptBrowserIT extends BrowserTestSupport {

  static final By CLAIM = By.cssSelector("button.claim");
  static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[type=submit]");
  static final String RECEIPT_LINK = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
  static final String OTHER_DOCUMENT = "Giấy ủy quyền nộp hồ sơ";

  @Autowired ReceptionChecklist checklists;

  @Test
  void clerk_opens_the_receipt_from_the_reception_task_and_gets_a_pdf() throws IOException {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantName", "Công ty TNHH Thương mại Hải An");
    variables.put("applicantPhone", "0912345678");
    variables.put("applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", variables).getBusinessKey();
    Task reception = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();

    login("tasklist", "motcua");
    driver.get(appUrl("tasklist") + "#/?task=" + reception.getId());
    click(CLAIM);
    visible(CAMUNDA_FORM);
    WebElement link = visible(By.xpath("//*[contains(@class,'fjs-form')]//a[normalize-space(.)="
        + xpathLiteral(RECEIPT_LINK) + "]"));
    String href = link.getDomProperty("href");
    assertThat(href).isEqualTo(baseUrl() + "/api/v1/dossiers/" + code + "/documents/receipt");
    screenshot("receipt-01-reception-form-with-paper-links");

    fillChecklist(); // the checklist at reception (issue 14): every document received, confirmed
    // two copies of the registration, and a paper the catalog does not name, handed in as a copy
    typeInChecklist("checklistDoc1Copies", "2");
    typeInChecklist("checklistOther1Name", OTHER_DOCUMENT);
    chooseInChecklist("checklistOther1Form", "Bản sao");
    screenshot("receipt-01b-checklist-two-copies");

    WebElement accept = visible(By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space(.)="
        + xpathLiteral("Tiếp nhận hồ sơ") + "]"));
    scrollIntoView(accept);
    accept.click();
    click(COMPLETE);
    waitUntil("the reception task is completed", d -> taskService.createTaskQuery().taskId(reception.getId())
        .count() == 0);
    screenshot("receipt-02-reception-completed");

    // the stored checklist: the registration with 2 copies, the others 1, the added paper last
    List<ChecklistItem> recorded = checklists.items(code);
    assertThat(recorded).extracting(ChecklistItem::documentName).containsExactly(
        "Văn bản đăng ký thực hiện khuyến mại (theo mẫu)", "Thể lệ chương trình khuyến mại (theo mẫu)",
        "Mẫu vé số dự thưởng (nếu có)", OTHER_DOCUMENT);
    assertThat(recorded).extracting(ChecklistItem::copies).containsExactly(2, 1, 1, 1);
    assertThat(recorded).extracting(ChecklistItem::received).containsOnly(true);
    assertThat(recorded.get(3).paperForm()).isEqualTo(PaperForm.COPY);
    assertThat(recorded.get(3).addedByClerk()).isTrue();

    // the link, followed in the signed-in browser (its session cookie), answers the receipt as PDF
    @SuppressWarnings("unchecked")
    List<Object> answer = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(function(r) {
          return r.arrayBuffer().then(function(body) {
            var bytes = new Uint8Array(body), text = '';
            for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
            done([r.status, r.headers.get('content-type'), btoa(text)]);
          });
        }).catch(function(e) { done([0, String(e), '']); });
        """, href);
    assertThat(((Number) answer.get(0)).intValue()).as("status of %s", href).isEqualTo(200);
    assertThat(answer.get(1)).isEqualTo("application/pdf");
    byte[] pdf = Base64.getDecoder().decode((String) answer.get(2));
    Files.write(screenshots.resolve("receipt-" + code + ".pdf"), pdf);
    PdfChecks receipt = PdfChecks.of(pdf);
    receipt.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(receipt.text()).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code,
        "Công ty TNHH Thương mại Hải An", "motcua", OTHER_DOCUMENT);
    // the checklist's lines as printed: form and number of copies of each document, in order
    String lines = receipt.text().replaceAll("\\s+", " ");
    assertThat(lines).containsSubsequence("Bản chính 02", "Bản chính 01", "Bản chính 01", "Bản sao 01");

    // the browser shows it too (Chromium's PDF viewer)
    driver.get(href);
    screenshot("receipt-03-pdf-in-browser");
  }
}
