package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.form.FormField;
import vn.gov.sct.onestop.form.ProcedureFields;
import vn.gov.sct.onestop.paper.PdfChecks;

/**
 * The applicant's story on the department's own pages, on a phone and on a desktop: find the promotion
 * registration, submit it with two PDFs, keep the code and the secret, follow the dossier with them (the code
 * filled in from the receipt's QR address), answer the clerk's supplement request with a file, and download the
 * result copy once the department has finished (the staff's steps go through the engine's API). Every page
 * passes axe-core's WCAG 2.1 A/AA rules without a serious or critical violation. Screenshots:
 * {@code target/browser-screenshots/applicant-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// two journeys of about fifteen API calls each, from one address; the last test exhausts the bucket on purpose. One
// token a minute, so no token comes back between the flood and the lookup that must be refused (at the default 30 a
// minute one did, now and then, on a slow machine)
@TestPropertySource(properties = {"onestop.online.rate-limit.capacity=60",
    "onestop.online.rate-limit.refill-per-minute=1"})
class ApplicantPagesBrowserIT extends BrowserTestSupport {

  static final String PROCEDURE = "promotion-registration";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final Map<String, Object> DECISIONS = Map.of(
      "receptionDecision", "ACCEPT",
      "specialist", "cv.thuongmai",
      "appraisalProposal", "APPROVE",
      "leaderDecision", "APPROVE",
      "documentNumber", "126/XNKM-SCT");

  @Autowired ProcedureFields procedureFields;
  @Autowired AttachmentStore attachmentStore;

  @Test
  @Order(1)
  void on_a_phone() throws IOException {
    viewport(390, 844, true);
    journey("phone", "Hộ kinh doanh Nguyễn Thị Lan");
  }

  @Test
  @Order(2)
  void on_a_desktop() throws IOException {
    viewport(1280, 900, false);
    journey("desktop", "Công ty TNHH Thương mại Hải An");
  }

  /** The applicant withdraws a dossier that waits at reception; the page asks for a confirmation first. */
  @Test
  @Order(3)
  void withdrawal_after_a_confirmation() {
    viewport(390, 844, true);
    driver.get(baseUrl() + "/dich-vu-cong/");
    @SuppressWarnings("unchecked")
    List<String> answer = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
        var done = arguments[arguments.length - 1], body = new FormData();
        body.append('dossier', new Blob([JSON.stringify({procedureCode: arguments[0],
          applicant: {name: 'Công ty Cổ phần Cảng Xanh'}, fields: arguments[1]})], {type: 'application/json'}));
        body.append('files', new Blob(['%PDF-1.7\\n%%EOF\\n'], {type: 'application/pdf'}), 'don.pdf');
        fetch('/api/v1/public/dossiers', {method: 'POST', body: body}).then(function(r) { return r.json(); })
          .then(function(d) { done([d.dossierCode, d.lookupSecret]); }, function(e) { done([String(e), null]); });
        """, PROCEDURE, fieldValues());
    String code = answer.get(0);
    assertThat(code).matches("H15\\.50-\\d{6}-\\d{4}");
    driver.get(baseUrl() + "/dich-vu-cong/tra-cuu?ma=" + code);
    lookUp(answer.get(1), "Mới đăng ký");
    type(By.id("rut-ly-do"), "Doanh nghiệp lùi thời gian khuyến mại");
    click(By.id("rut-nut"));
    WebElement error = visible(By.id("err-rut-xac-nhan"));
    assertThat(error.getText()).contains("xác nhận");
    assertThat(driver.findElement(By.id("rut-xac-nhan")).getDomAttribute("aria-describedby")).contains("err-rut-xac-nhan");
    click(By.id("rut-xac-nhan"));
    click(By.id("rut-nut"));
    waitUntil("withdrawn", d -> d.findElement(By.id("kq-trang-thai")).getText().equals("Trạng thái: Rút hồ sơ"));
    assertThat(driver.findElement(By.id("kq-giai-thich")).getText()).contains("đã được rút");
    assertThat(driver.findElement(By.id("kq-ngay")).getText()).contains("Ngày rút hồ sơ")
        .doesNotContain("Có khi hồ sơ được tiếp nhận");
    assertThat(driver.findElement(By.id("rut")).isDisplayed()).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    accessible("withdrawn");
    screenshot("applicant-phone-10-withdrawn");
  }

  /** The rate limit, reached on purpose: the page says how long to wait, in Vietnamese, next to the form. */
  @Test
  @Order(4)
  void rate_limit_says_how_long_to_wait() {
    viewport(1280, 900, false);
    driver.get(baseUrl() + "/dich-vu-cong/tra-cuu?ma=H15.50-260302-9999");
    visible(By.id("secret")).sendKeys("khong-dung");
    ((JavascriptExecutor) driver).executeAsyncScript("""
        var done = arguments[arguments.length - 1], calls = [];
        for (var i = 0; i < 80; i++) { calls.push(fetch('/api/v1/public/procedures')); }
        Promise.all(calls).then(function() { done(); }, function() { done(); });
        """);
    click(By.id("xem"));
    WebElement summary = visible(By.cssSelector("#tra-cuu .form-summary"));
    assertThat(summary.getText()).contains("Bạn đã gửi quá nhiều yêu cầu").containsPattern("chờ khoảng \\d+ giây")
        .doesNotContain("null");
    screenshot("applicant-desktop-09-rate-limited");
  }

  private void journey(String device, String applicantName) throws IOException {
    String shot = "applicant-" + device + "-";
    Path downloads = Files.createTempDirectory("onestop-downloads-");
    ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    Path uploads = Files.createTempDirectory("onestop-uploads-");

    // 1. the procedures, searched without diacritics
    driver.get(baseUrl() + "/dich-vu-cong/");
    visible(By.cssSelector("#danh-sach > li"));
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
    accessible("procedures");
    screenshot(shot + "01-procedures");
    type(By.id("tu-khoa"), "khuyen mai");
    waitUntil("one procedure left", d -> d.findElements(By.cssSelector("#danh-sach > li:not([hidden])")).size() == 1);
    WebElement card = driver.findElement(By.cssSelector("#danh-sach > li:not([hidden])"));
    assertThat(card.getText()).contains("Đăng ký thực hiện khuyến mại", "ngày làm việc", "Không thu phí",
        "Toàn trình (mức độ 4)", "Thành phần hồ sơ");
    click(By.cssSelector("#danh-sach > li:not([hidden]) a.button"));

    // 2. the form generated from the procedure's declaration, limits and the expected return date shown first
    visible(By.id("ho-so"));
    List<FormField> fields = procedureFields.fields(PROCEDURE);
    assertThat(fields).isNotEmpty();
    for (FormField field : fields) {
      WebElement input = driver.findElement(By.id("f-" + field.key()));
      WebElement label = driver.findElement(By.cssSelector("label[for='f-" + field.key() + "']"));
      assertThat(label.getText()).startsWith(field.label());
      assertThat(input.getDomAttribute("data-field")).isEqualTo("fields." + field.key());
    }
    assertThat(visible(By.id("files-hint")).getText()).contains("PDF", "JPEG", "PNG", "10 MB", "30 MB", "20 tệp");
    assertThat(visible(By.id("han-tra-ngay")).getText()).contains("ngày hẹn trả kết quả là")
        .containsPattern("\\d{2}/\\d{2}/\\d{4}");
    accessible("submission form");
    screenshot(shot + "02-form");

    // 3. an answer of the API shown next to the field it names
    type(By.id("applicant-name"), applicantName);
    type(By.id("applicant-phone"), "0912345678");
    type(By.id("applicant-email"), "khong-phai-thu-dien-tu");
    type(By.id("applicant-address"), "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    fill(fields);
    Path first = write(uploads.resolve("don-dang-ky.pdf"));
    Path second = write(uploads.resolve("the-le-chuong-trinh.pdf"));
    driver.findElement(By.id("files")).sendKeys(first + "\n" + second);
    click(By.id("nop"));
    WebElement emailError = visible(By.id("err-applicant-email"));
    assertVietnameseText("the e-mail's error", emailError.getText());
    WebElement email = driver.findElement(By.id("applicant-email"));
    assertThat(email.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(email.getDomAttribute("aria-describedby")).contains("err-applicant-email");
    assertThat(driver.findElement(By.cssSelector("#ho-so .form-summary")).getText()).contains(emailError.getText());
    accessible("form with an error");
    screenshot(shot + "03-error-next-to-field");

    // 4. submitted: the code and the secret, shown once, with the warning
    type(By.id("applicant-email"), "lienhe@example.vn");
    click(By.id("nop"));
    visible(By.id("xac-nhan"));
    String code = driver.findElement(By.id("ma-ho-so")).getText();
    String secret = driver.findElement(By.id("ma-tra-cuu")).getText();
    assertThat(code).matches("H15\\.50-\\d{6}-\\d{4}");
    assertThat(secret).hasSizeGreaterThan(20);
    assertThat(driver.findElement(By.id("xac-nhan")).getText()).contains("Mã tra cứu chỉ hiển thị một lần",
        "don-dang-ky.pdf", "the-le-chuong-trinh.pdf");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("promotionRegistration").count()).isOne();
    assertThat(driver.getCurrentUrl()).doesNotContain(secret);
    accessible("confirmation");
    screenshot(shot + "04-confirmation");

    // 5. follow it: the code comes in the address (as from the receipt's QR code), the secret is typed
    click(By.id("den-tra-cuu"));
    waitUntil("the lookup page", d -> d.getCurrentUrl().contains("/dich-vu-cong/tra-cuu?ma="));
    assertThat(visible(By.id("ma")).getDomProperty("value")).isEqualTo(code);
    lookUp(secret, "Mới đăng ký");
    assertThat(driver.getCurrentUrl()).doesNotContain(secret);
    accessible("lookup");
    screenshot(shot + "05-lookup");

    // 6. the clerk asks for a supplement; the applicant reads what is asked and answers with a file
    Task check = openTask(code, "checkCompleteness");
    taskService.complete(check.getId(), Map.of("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung thể lệ chương trình có chữ ký của người đại diện"));
    lookUp(secret, "Yêu cầu bổ sung hồ sơ");
    assertThat(visible(By.id("bo-sung")).getText()).contains("Phiếu yêu cầu bổ sung");
    assertThat(visible(By.id("yeu-cau")).getText()).contains("Bổ sung thể lệ chương trình có chữ ký của người đại diện",
        code + "/BS-1", "tiếp nhận", "Thời hạn bổ sung: đến ngày");
    Path request = download(downloads, "supplement-request");
    assertThat(PdfChecks.of(Files.readAllBytes(request)).text())
        .contains(code, "Bổ sung thể lệ chương trình có chữ ký của người đại diện");
    accessible("supplement requested");
    screenshot(shot + "06-supplement-requested");
    Path supplement = write(uploads.resolve("the-le-da-ky.pdf"));
    driver.findElement(By.id("bs-files")).sendKeys(supplement.toString());
    // which required document the file completes: a choice from the procedure's documents (issue 14)
    new Select(visible(By.id("bs-tp-0")))
        .selectByVisibleText("Thể lệ chương trình khuyến mại (theo mẫu)");
    assertThat(driver.findElement(By.cssSelector("label[for='bs-tp-0']")).getText())
        .isEqualTo("Tệp the-le-da-ky.pdf bổ sung cho");
    type(By.id("bs-note"), "Gửi thể lệ đã ký");
    accessible("supplement with the document it completes");
    screenshot(shot + "06b-supplement-document-chosen");
    click(By.id("gui-bo-sung"));
    waitUntil("the supplement is sent", d -> d.findElement(By.id("giay-to-thong-bao")).getText()
        .contains("the-le-da-ky.pdf"));
    assertThat(driver.findElement(By.id("kq-trang-thai")).getText()).isEqualTo("Trạng thái: Mới đăng ký");
    Task recheck = openTask(code, "checkCompleteness");
    assertThat(taskService.getVariable(recheck.getId(), "attachmentIds").toString().split(",")).hasSize(3);
    assertThat(taskService.getVariable(recheck.getId(), "supplementNote")).isEqualTo("Gửi thể lệ đã ký");
    assertThat(attachmentStore.list(code)).filteredOn(a -> a.fileName().equals("the-le-da-ky.pdf"))
        .extracting(Attachment::completesDocument)
        .containsExactly("Thể lệ chương trình khuyến mại (theo mẫu)");
    screenshot(shot + "07-supplement-sent");

    // 7. the clerk accepts, the division, the leader and the office finish; the applicant downloads the result
    finish(code);
    lookUp(secret, "Đã trả kết quả");
    assertThat(driver.findElement(By.id("kq-ngay")).getText()).contains("Chấp thuận", "Ngày hẹn trả kết quả");
    assertThat(driver.findElement(By.id("rut")).isDisplayed()).isFalse();
    Path receipt = download(downloads, "receipt");
    assertThat(PdfChecks.of(Files.readAllBytes(receipt)).text()).contains(code, applicantName);
    Path result = download(downloads, "result-copy");
    PdfChecks copy = PdfChecks.of(Files.readAllBytes(result));
    copy.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(copy.text()).contains(code, "126/XNKM-SCT", applicantName, "Chấp thuận");
    accessible("result returned");
    screenshot(shot + "08-result");
  }

  /** Types the secret (the code is already there) and waits for the status. */
  private void lookUp(String secret, String status) {
    WebElement box = visible(By.id("secret"));
    box.clear();
    box.sendKeys(secret);
    click(By.id("xem"));
    waitUntil("status " + status, d -> d.findElement(By.id("kq-trang-thai")).getText()
        .equals("Trạng thái: " + status));
  }

  /** Clicks the paper's button and waits for the browser to save the PDF. */
  private Path download(Path folder, String kind) throws IOException {
    click(By.cssSelector("#giay-to-nut button[data-paper='" + kind + "']"));
    Path file = waitUntil(kind + " downloaded", d -> {
      try (var files = Files.list(folder)) {
        return files.filter(f -> f.getFileName().toString().startsWith(kind) && f.toString().endsWith(".pdf"))
            .findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
    waitUntil(kind + " written", d -> {
      try {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length > 0 && new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
      } catch (IOException e) {
        return false;
      }
    });
    return file;
  }

  /** A value of each declared field, typed as a person would (days set through the date input's value). */
  private void fill(List<FormField> fields) {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    int days = 0;
    for (FormField field : fields) {
      By input = By.id("f-" + field.key());
      switch (field.type()) {
        case DATE -> {
          days += 10;
          ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
              + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
              driver.findElement(input), today.plusDays(days).toString());
        }
        case NUMBER -> type(input, field.min() != null ? field.min().toPlainString() : "1");
        case CHOICE -> new Select(driver.findElement(input))
            .selectByValue(field.choices().get(0).value());
        case BOOLEAN -> click(input);
        default -> type(input, field.key().toLowerCase().contains("name") ? "Tri ân khách hàng 2026"
            : "Quận Lê Chân, Hải Phòng");
      }
    }
  }

  /** Valid values of the declared fields, as the API takes them (for a submission made by a script). */
  private Map<String, Object> fieldValues() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    int days = 0;
    for (FormField field : procedureFields.fields(PROCEDURE)) {
      switch (field.type()) {
        case DATE -> values.put(field.key(), today.plusDays(days += 10).toString());
        case NUMBER -> values.put(field.key(), field.min() != null ? field.min().doubleValue() : 1);
        case CHOICE -> values.put(field.key(), field.choices().get(0).value());
        case BOOLEAN -> values.put(field.key(), true);
        default -> values.put(field.key(), field.key().toLowerCase().contains("name") ? "Tri ân khách hàng 2026"
            : "Quận Lê Chân, Hải Phòng");
      }
    }
    return values;
  }

  /** The staff's side, through the engine: accept at reception, then every later step decides in favour. */
  private void finish(String code) {
    taskService.complete(openTask(code, "checkCompleteness").getId(), Map.of("receptionDecision", "ACCEPT"));
    for (int guard = 0; guard < 20; guard++) {
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(code).active().list();
      if (open.isEmpty()) {
        return;
      }
      taskService.complete(open.get(0).getId(), DECISIONS);
    }
  }

  private Task openTask(String code, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).list();
    assertThat(tasks).as("open task %s of %s", key, code).hasSize(1);
    return tasks.get(0);
  }

  private static Path write(Path file) throws IOException {
    return Files.write(file, PDF);
  }

  /** axe-core in the page, WCAG 2.0 / 2.1 A and AA rules: no serious or critical violation. */
  private static void accessible(String page) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze(driver);
    List<Rule> bad = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
    assertThat(bad).as("axe-core on %s: %s", page, bad.stream()
        .map(r -> r.getId() + " " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "))).isEmpty();
    results.getViolations().forEach(r -> System.out.println("axe-core (" + r.getImpact() + ") on " + page + ": "
        + r.getId() + " " + r.getHelp()));
  }

  private static void viewport(int width, int height, boolean mobile) {
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }
}
