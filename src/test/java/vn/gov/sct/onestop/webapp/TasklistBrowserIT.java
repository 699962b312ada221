package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.sct.onestop.online.ApplicantData;
import vn.gov.sct.onestop.online.OnlineDossierService;
import vn.gov.sct.onestop.online.SubmitDossierRequest;
import vn.gov.sct.onestop.reception.ChecklistItem;
import vn.gov.sct.onestop.reception.PaperForm;
import vn.gov.sct.onestop.reception.ReceptionChecklist;

/**
 * The one-stop clerk's day in the real Tasklist, in Vietnamese: a promotion-registration dossier arrives,
 * the clerk ({@code motcua}) claims the completeness check in "Hồ sơ của phòng tôi", fills the form and
 * completes it; the trade management division head ({@code tp.thuongmai}) then sees the assignment task, and
 * an energy specialist ({@code cv.nangluong}) sees nothing of the dossier. Screenshots of every step under
 * {@code target/browser-screenshots/}.
 *
 * <p>The completeness check is filled with its Camunda Form (form-js, {@code camunda:formRef}) when the model
 * has one, and with Tasklist's generic form (a String variable {@code receptionDecision}) when it has none.
 */
class TasklistBrowserIT extends BrowserTestSupport {

  /** The head's own filter (identity/TasklistFilters): tasks of the division's lead group. */
  static final String WAITS_FOR_HEAD = "Chờ lãnh đạo phòng xử lý";
  static final String MY_DIVISION = "Hồ sơ của phòng tôi";
  static final String CHECK_COMPLETENESS = "Kiểm tra tính đầy đủ, hợp lệ của hồ sơ";
  static final String ASSIGN_SPECIALIST = "Phân công chuyên viên thụ lý";
  static final String ACCEPT_LABEL = "Tiếp nhận hồ sơ";

  static final By FILTER_LINKS = By.cssSelector(".task-filters .task-filter h4.name a");
  static final By TASK_ITEMS = By.cssSelector("ol.tasks-list li.task");
  static final By NO_TASK = By.cssSelector(".tasks-list .well");
  static final By CLAIM = By.cssSelector("button.claim");
  static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
  static final By GENERIC_FORM = By.cssSelector(".generic-form-fields .text-help");
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[type=submit]");
  static final By FORM_ERROR = By.cssSelector(".fjs-form-field-error");
  static final By DOCUMENT_LINKS = By.cssSelector(".fjs-form a[href*='/attachments/']");

  @Autowired OnlineDossierService online;
  @Autowired ReceptionChecklist checklists;

  @Test
  void clerk_receives_the_dossier_and_only_the_trade_division_sees_the_next_task() {
    // a. a counter dossier, as the clerk records it (the start form in Tasklist comes with the forms)
    String code = submitPromotionDossier("Công ty TNHH Thương mại Hải An");

    // b. the clerk logs in: the interface is Vietnamese
    openLogin("tasklist");
    assertThat(visible(SIGN_IN).getText().trim()).isEqualTo("Đăng nhập");
    assertThat(visible(USERNAME).getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
    screenshot("01-login-page");
    login("tasklist", "motcua");
    assertThat(filterNames()).contains(MY_DIVISION, "Việc của tôi");
    // the list is in due-date order, soonest first, until the clerk picks another (config.js)
    waitUntil("the task list sorted by due date", d -> d.getCurrentUrl().contains("dueDate"));
    screenshot("02-clerk-logged-in");

    // c. the reception task of the dossier in the division's filter: claim, fill, complete
    openFilter(MY_DIVISION);
    Task reception = openTask(code);
    waitForTaskInList(reception, CHECK_COMPLETENESS);
    screenshot("03-clerk-filter-with-reception-task");
    clickTaskInList(reception);
    click(CLAIM);
    waitUntil("the task is claimed by motcua",
        d -> d.findElements(CLAIM).isEmpty() && "motcua".equals(openTask(code).getAssignee()));
    screenshot("04-reception-task-claimed");

    boolean camundaForm = waitForTaskForm();
    if (camundaForm) {
      waitUntil("the form shows the dossier code " + code, d -> d.findElements(By.cssSelector(".fjs-form input"))
          .stream().anyMatch(input -> code.equals(input.getDomProperty("value"))));
      fillChecklist();
      chooseRadio(ACCEPT_LABEL);
    } else {
      addGenericVariable("receptionDecision", "String", "ACCEPT");
    }
    screenshot(camundaForm ? "05-reception-camunda-form-filled" : "05-reception-generic-form-filled");
    assertThat(visible(COMPLETE).getText().trim()).isEqualTo("Hoàn thành");
    click(COMPLETE);
    waitUntil("the reception task is completed in the engine", d -> openTasks(code).stream()
        .noneMatch(t -> t.getTaskDefinitionKey().equals("checkCompleteness")));
    waitUntil("the completed task has left the clerk's list", d -> d.findElements(taskLink(reception)).isEmpty());
    screenshot("06-reception-task-completed");
    Task next = openTask(code);
    assertThat(next.getTaskDefinitionKey()).isEqualTo("assignSpecialist");
    // the decision stays in the reception instance (its call activity hands back the outcome, not the field)
    String receptionInstance = historyService.createHistoricTaskInstanceQuery().taskId(reception.getId())
        .singleResult().getProcessInstanceId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(receptionInstance)
        .variableName("receptionDecision").singleResult().getValue()).isEqualTo("ACCEPT");

    // d. the trade management division head sees the assignment; an energy specialist sees nothing of it
    logout();
    screenshot("07-logged-out");
    login("tasklist", "tp.thuongmai");
    // the head's filters: the division's work once, and what waits for the head (the assignment) apart
    assertThat(filterNames()).contains(MY_DIVISION, WAITS_FOR_HEAD).doesNotHaveDuplicates();
    assertThat(findInFilters(next, List.of(WAITS_FOR_HEAD)))
        .as("a '%s' filter of tp.thuongmai showing the assignment of %s", WAITS_FOR_HEAD, code).isTrue();
    waitForTaskInList(next, ASSIGN_SPECIALIST);
    screenshot("08-trade-head-sees-assignment");
    logout();

    login("tasklist", "cv.nangluong");
    List<String> energyFilters = filterNames();
    assertThat(energyFilters).isNotEmpty();
    assertThat(findInFilters(next, energyFilters))
        .as("some filter of cv.nangluong (%s) shows a task of %s", energyFilters, code).isFalse();
    assertThat(taskService.createTaskQuery().taskCandidateUser("cv.nangluong").processInstanceBusinessKey(code)
        .count()).as("tasks of %s offered to cv.nangluong", code).isZero();
    openFilter(MY_DIVISION);
    screenshot("09-energy-specialist-sees-nothing");
    logout();
  }

  @Test
  void camunda_form_refuses_an_empty_decision_in_vietnamese() {
    String code = submitPromotionDossier("Công ty CP Siêu thị Lạch Tray");
    login("tasklist", "motcua");
    openFilter(MY_DIVISION);
    Task reception = openTask(code);
    waitForTaskInList(reception, CHECK_COMPLETENESS);
    clickTaskInList(reception);
    click(CLAIM);
    waitUntil("the task is claimed", d -> d.findElements(CLAIM).isEmpty());
    assumeTrue(waitForTaskForm(), "the completeness check has no Camunda Form yet (generic form): nothing to "
        + "validate in the browser");

    click(COMPLETE);
    WebElement error = visible(FORM_ERROR);
    screenshot("10-empty-decision-refused");
    // form-js, as Tasklist 7.24 bundles it, says "Field is required." in English unless the app translates it
    assertVietnameseText("the form's message for the empty decision (form-js's own is 'Field is required.')",
        error.getText());
    assertThat(error.getText()).doesNotContainIgnoringCase("required");
    assertThat(openTask(code).getTaskDefinitionKey()).as("the dossier did not move").isEqualTo("checkCompleteness");
    logout();
  }

  @Test
  void clerk_sees_the_documents_of_an_online_dossier_opens_one_ticks_the_checklist_and_accepts() throws Exception {
    // an online promotion dossier with two PDFs, through the citizen API's service
    LocalDate start = LocalDate.now().plusMonths(1);
    String code = submitOnlineDossier(start);
    login("tasklist", "motcua");
    openFilter(MY_DIVISION);
    Task reception = openTask(code);
    waitForTaskInList(reception, CHECK_COMPLETENESS);
    clickTaskInList(reception);
    click(CLAIM);
    waitUntil("the task is claimed", d -> d.findElements(CLAIM).isEmpty());
    assertThat(waitForTaskForm()).as("the completeness check has its Camunda Form").isTrue();

    // the two documents, each a link, and the procedure's own fields under the applicant's details
    List<WebElement> links = waitUntil("the two document links", d -> {
      List<WebElement> found = d.findElements(DOCUMENT_LINKS);
      return found.size() == 2 ? found : null;
    });
    assertThat(links).extracting(WebElement::getText).containsExactly("don-dang-ky.pdf", "the-le.pdf");
    String form = visible(CAMUNDA_FORM).getText();
    assertThat(form).contains("Tri ân khách hàng 2026").contains(start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
        .contains("Nộp lần đầu").contains("Văn bản đăng ký thực hiện khuyến mại (theo mẫu)");
    screenshot("11-completeness-form-with-documents-and-checklist");

    // opening a document: 200, application/pdf, inline, through the web apps' session (no second login)
    String href = links.get(0).getAttribute("href");
    assertThat(fetchInBrowser(href)).containsExactly(200L, "application/pdf", "inline");
    String tasklist = driver.getWindowHandle();
    scrollIntoView(links.get(0));
    links.get(0).click();
    String opened = waitUntil("the document opens in a new tab", d -> d.getWindowHandles().stream()
        .filter(h -> !h.equals(tasklist)).findFirst().orElse(null));
    driver.switchTo().window(opened);
    waitUntil("the tab shows the document", d -> href.equals(d.getCurrentUrl()));
    pause(1500); // the PDF viewer draws
    screenshot("12-document-opened-in-the-browser");
    driver.close();
    driver.switchTo().window(tasklist);

    // the checklist: every document received, confirmed; accept
    fillChecklist();
    chooseRadio(ACCEPT_LABEL);
    screenshot("13-checklist-ticked-and-accepted");
    click(COMPLETE);
    waitUntil("the reception task is completed in the engine", d -> openTasks(code).stream()
        .noneMatch(t -> t.getTaskDefinitionKey().equals("checkCompleteness")));
    List<ChecklistItem> recorded = checklists.items(code);
    assertThat(recorded).hasSize(3).allSatisfy(item -> {
      assertThat(item.received()).isTrue();
      assertThat(item.paperForm()).isEqualTo(PaperForm.ORIGINAL);
      assertThat(item.copies()).isEqualTo(1);
    });
    logout();

    // a specialist of another division cannot open the document
    login("tasklist", "cv.nangluong");
    List<Object> answer = fetchInBrowser(href);
    assertThat(answer.get(0)).as("status for cv.nangluong").isIn(403L, 404L);
    driver.get(href);
    screenshot("14-other-division-cannot-open-the-document");
    assertThat(driver.getPageSource()).doesNotContain("%PDF");
    driver.navigate().back();
    logout();
  }

  // ---- the dossier, through the engine --------------------------------------------------------------

  private String submitPromotionDossier(String applicant) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantName", applicant);
    variables.put("applicantIdNumber", "0201234567");
    variables.put("applicantPhone", "0912345678");
    variables.put("applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", variables).getBusinessKey();
    assertThat(code).as("dossier code (business key)").isNotBlank();
    return code;
  }

  private String submitOnlineDossier(LocalDate start) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("promotionName", "Tri ân khách hàng 2026");
    fields.put("promotionStart", start.toString());
    fields.put("promotionEnd", start.plusDays(29).toString());
    fields.put("promotionArea", "Quận Lê Chân, Hải Phòng");
    SubmitDossierRequest request = new SubmitDossierRequest("promotion-registration", new ApplicantData(
        "Công ty TNHH Thương mại Biển Xanh", "0201234567", "0912345678", "lienhe@bienxanh.vn",
        "Số 1 Lạch Tray, Hải Phòng", null), fields);
    List<MultipartFile> files = List.of(
        new MockMultipartFile("files", "don-dang-ky.pdf", "application/pdf", pdf("Don dang ky khuyen mai")),
        new MockMultipartFile("files", "the-le.pdf", "application/pdf", pdf("The le chuong trinh")));
    return online.submit(request, files, null).response().dossierCode();
  }

  /** A small valid one-page PDF with a line of text. */
  private static byte[] pdf(String text) {
    String stream = "BT /F1 18 Tf 20 70 Td (" + text + ") Tj ET";
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + "4 0 obj<</Length " + stream.length() + ">>stream\n" + stream + "\nendstream endobj\n"
        + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private List<Task> openTasks(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).list();
  }

  private Task openTask(String code) {
    List<Task> tasks = openTasks(code);
    assertThat(tasks).as("open tasks of dossier %s", code).hasSize(1);
    return tasks.get(0);
  }

  // ---- Tasklist -------------------------------------------------------------------------------------

  private List<String> filterNames() {
    visible(FILTER_LINKS);
    return driver.findElements(FILTER_LINKS).stream().map(e -> filterName(e))
        .toList();
  }

  /** The filter's name without the task count that the open filter shows ("0", "(1)"). */
  private static String filterName(WebElement link) {
    return link.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").trim();
  }

  /** Clicks the first filter of that name and waits until its list has loaded. */
  private void openFilter(String name) {
    openFilter(name, 0);
  }

  private void openFilter(String name, int index) {
    List<WebElement> links = waitUntil("filter " + name, d -> {
      List<WebElement> found = d.findElements(FILTER_LINKS).stream()
          .filter(a -> filterName(a).equals(name)).toList();
      return found.size() > index ? found : null;
    });
    scrollIntoView(links.get(index));
    links.get(index).click();
    waitUntil("filter " + name + " is active and its list loaded", d -> {
      List<WebElement> active = d.findElements(By.cssSelector(".task-filters .task-filter.active h4.name a"));
      boolean isActive = active.size() == 1 && active.get(0).getText().trim().startsWith(name);
      return isActive && (!d.findElements(TASK_ITEMS).isEmpty()
          || d.findElements(NO_TASK).stream().anyMatch(WebElement::isDisplayed));
    });
  }

  /** The task's link in the list: it holds the task id. */
  private static By taskLink(Task task) {
    return By.cssSelector("ol.tasks-list li.task h4.task a[href$='task=" + task.getId() + "']");
  }

  /**
   * Waits until the open filter lists the task under its step name followed by the dossier code, as a clerk
   * searches for it. (Our filters refresh their list every few seconds, so elements of the list are looked
   * up again at each use, never kept.)
   */
  private void waitForTaskInList(Task task, String stepName) {
    String code = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    String taskName = stepName + " – " + code;
    assertThat(task.getName()).isEqualTo(taskName);
    waitUntil("task '" + taskName + "' (" + task.getId() + ") in the list",
        d -> d.findElement(taskLink(task)).getText().trim().equals(taskName));
  }

  private void clickTaskInList(Task task) {
    waitUntil("click on task " + task.getId() + " in the list", d -> {
      WebElement link = d.findElement(taskLink(task));
      scrollIntoView(link);
      link.click();
      return true;
    });
    waitUntil("the task's details are open", d -> d.getCurrentUrl().contains("task=" + task.getId()));
  }


  /**
   * Whether one of the named filters lists the task. Every filter of each name is opened in turn (a
   * division head has one per group).
   */
  private boolean findInFilters(Task task, List<String> names) {
    for (String name : names.stream().distinct().toList()) {
      long count = driver.findElements(FILTER_LINKS).stream()
          .filter(a -> filterName(a).equals(name)).count();
      for (int i = 0; i < count; i++) {
        openFilter(name, i);
        // the list of the filter opened before may still show for a moment: look for a few seconds
        long until = System.currentTimeMillis() + 3000;
        do {
          if (!driver.findElements(taskLink(task)).isEmpty()) {
            return true;
          }
          pause(200);
        } while (System.currentTimeMillis() < until);
      }
    }
    return false;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the task's form: true for a Camunda Form (form-js), false for the generic form. */
  private boolean waitForTaskForm() {
    // (a wait ends on a non-null value other than FALSE: hence a name, not a boolean)
    String kind = waitUntil("the task form (Camunda Form or generic form)", d -> {
      if (d.findElements(CAMUNDA_FORM).stream().anyMatch(WebElement::isDisplayed)) {
        return "camunda-form";
      }
      if (d.findElements(GENERIC_FORM).stream().anyMatch(WebElement::isDisplayed)) {
        return "generic";
      }
      return null;
    });
    return kind.equals("camunda-form");
  }

  /** Checks the radio button (form-js) with that label. */
  private void chooseRadio(String label) {
    WebElement option = visible(By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space(.)="
        + xpathLiteral(label) + "]"));
    scrollIntoView(option);
    option.click();
    waitUntil("radio '" + label + "' is checked", d -> {
      String forId = option.getAttribute("for");
      WebElement input = forId != null && !forId.isEmpty() ? d.findElement(By.id(forId))
          : option.findElement(By.xpath(".//input | preceding-sibling::input | following-sibling::input"));
      return input.isSelected();
    });
  }

  /** status, Content-Type and the disposition type of a GET from the page, with the page's session. */
  private static List<Object> fetchInBrowser(String url) {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => done([r.status, (r.headers.get('Content-Type') || '').split(';')[0],
                           (r.headers.get('Content-Disposition') || '').split(';')[0]]))
          .catch(e => done([0, String(e), '']));""", url);
    return new ArrayList<>((List<?>) answer);
  }

  /** Tasklist's generic form: "Thêm biến", then name, type and value of one variable. */
  private void addGenericVariable(String name, String type, String value) {
    visible(GENERIC_FORM);
    click(By.cssSelector("[cam-tasklist-form-generic-variables] a[ng-click='addVariable()']"));
    type(By.cssSelector("[cam-tasklist-form-generic-variables] input[ng-model='variable.name']"), name);
    WebElement typeSelect = visible(By.cssSelector("[cam-tasklist-form-generic-variables] select[ng-model='variable.type']"));
    waitUntil("the type list is enabled", d -> typeSelect.isEnabled());
    new Select(typeSelect).selectByValue(type);
    type(By.cssSelector("[cam-tasklist-form-generic-variables] input[ng-model='variable.value']"), value);
  }
}
