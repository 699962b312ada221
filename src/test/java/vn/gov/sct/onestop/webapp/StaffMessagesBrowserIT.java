package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the staff read besides their forms: the community edition's "migrate to Camunda 8" banner is for
 * administrators only (clerks and managers do not see it in Tasklist, Cockpit or the welcome page; the Admin app
 * keeps it), and a completion the engine refuses reaches the person in Tasklist as a Vietnamese message naming the
 * variable at fault, not as a server error. Screenshots {@code 30-…} to {@code 35-…}.
 */
class StaffMessagesBrowserIT extends BrowserTestSupport {

  static final By BANNER = By.cssSelector(".ce-eol-banner");
  static final By CLAIM = By.cssSelector("button.claim");
  static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[type=submit]");
  static final By ERROR_NOTIFICATION = By.cssSelector(".notifications .alert-danger");

  @Test
  void only_administrators_see_the_camunda_8_banner() {
    login("tasklist", "motcua");
    assertNoBanner("Tasklist of the clerk");
    screenshot("30-clerk-tasklist-without-banner");
    driver.get(appUrl("welcome"));
    visible(ACCOUNT_MENU);
    assertNoBanner("welcome page of the clerk");
    screenshot("31-clerk-welcome-without-banner");
    logout();

    login("cockpit", "quanly");
    assertNoBanner("Cockpit of the manager");
    screenshot("32-manager-cockpit-without-banner");
    logout();

    login("admin", "admin", "admin");
    WebElement banner = visible(BANNER);
    assertThat(banner.getText()).as("the banner in the Admin app").contains("Camunda 8");
    assertVietnameseText("the banner in the Admin app", banner.getText());
    screenshot("33-administrator-admin-app-with-banner");
    logout();
  }

  @Test
  void a_refused_completion_shows_the_engines_reason_in_vietnamese() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantName", "Công ty TNHH Phân Công Nhầm");
    variables.put("applicantIdNumber", "0201234567");
    variables.put("applicantPhone", "0912345678");
    variables.put("applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", variables).getBusinessKey();
    taskService.complete(openTask(code).getId(), Map.of("receptionDecision", "ACCEPT"));
    Task assign = openTask(code);
    assertThat(assign.getTaskDefinitionKey()).isEqualTo("assignSpecialist");

    // the trade division head names a specialist of the energy division: the form cannot know, the engine refuses
    login("tasklist", "tp.thuongmai");
    driver.get(appUrl("tasklist") + "#/?task=" + assign.getId());
    click(CLAIM);
    waitUntil("the task is claimed", d -> d.findElements(CLAIM).isEmpty());
    visible(CAMUNDA_FORM);
    By specialist = By.xpath("//*[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'Chuyên viên thụ lý')]"
        + "/following::input[1]");
    type(specialist, "cv.nangluong");
    screenshot("34-head-names-a-specialist-of-another-division");
    click(COMPLETE);
    WebElement error = visible(ERROR_NOTIFICATION);
    screenshot("35-refusal-in-vietnamese");
    assertThat(error.getText()).contains("Công việc chưa được hoàn thành, hồ sơ không thay đổi")
        .contains("biến “specialist” phải là tên đăng nhập của một người thuộc nhóm “trade-management”, "
            + "không phải “cv.nangluong”")
        .doesNotContain("Cannot", "Exception");
    assertThat(openTask(code).getId()).as("the dossier did not move").isEqualTo(assign.getId());
    assertThat(openTask(code).getAssignee()).isEqualTo("tp.thuongmai");

    logout();
  }

  private void assertNoBanner(String where) {
    visible(ACCOUNT_MENU);
    // the header (and the banner with it, if it were shown) is rendered with the account menu
    List<WebElement> banners = driver.findElements(BANNER);
    assertThat(banners.stream().filter(WebElement::isDisplayed).toList()).as("a visible banner in the %s", where)
        .isEmpty();
  }

  private Task openTask(String code) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(code).list();
    assertThat(tasks).as("open tasks of dossier %s", code).hasSize(1);
    return tasks.get(0);
  }
}
