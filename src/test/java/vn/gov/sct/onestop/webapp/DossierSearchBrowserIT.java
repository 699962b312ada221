package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The manager ({@code quanly}) in Cockpit: finds a returned dossier by its applicant's name, opens its story with
 * the path it took marked on Cockpit's BPMN viewer, and looks at the dashboard's charts.
 */
class DossierSearchBrowserIT extends BrowserTestSupport {

  @Test
  void managerFindsAFinishedDossierReadsItsStoryAndSeesTheCharts() {
    String applicant = "Công ty TNHH Tra Cứu " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String code = finishedPromotionDossier(applicant);

    openLogin("cockpit");
    login("cockpit", "quanly");

    // the charts of the dashboard, drawn by Chart.js from the application's webjar
    visible(By.xpath("//h1[normalize-space(text())='Theo dõi giải quyết hồ sơ']"));
    waitUntil("six charts drawn", d -> ((Number) ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('.onestop-charts canvas'))"
            + ".filter(function(c) { return window.Chart && window.Chart.getChart(c); }).length;")).intValue() == 6);
    scrollIntoView(visible(By.cssSelector(".onestop-charts")));
    screenshot("30-cockpit-dashboard-charts");

    // search by the applicant's name
    click(By.cssSelector("a.onestop-search-link"));
    type(By.cssSelector("form.onestop-search input[name=applicant]"), applicant.substring(13).toLowerCase());
    click(By.cssSelector("form.onestop-search button[type=submit]"));
    visible(By.cssSelector("table.onestop-results-table tr[data-code='" + code + "']"));
    assertThat(visible(By.cssSelector(".onestop-pager")).getText()).contains("1 hồ sơ");
    assertThat(visible(By.cssSelector("tr[data-code='" + code + "']")).getText()).contains("Đã trả kết quả");
    screenshot("31-cockpit-search");

    // its story, with the path on the diagrams
    click(By.linkText(code));
    assertThat(visible(By.cssSelector(".onestop-facts .onestop-status")).getText()).startsWith("Đã trả kết quả");
    String story = (String) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelector('.onestop-story').textContent;");
    assertThat(story).contains("Chuyển hồ sơ: Bộ phận Một cửa → Phòng Quản lý Thương mại",
        "Đường đi: Hồ sơ đã tiếp nhận", "Phân công chuyên viên thụ lý → Thẩm định hồ sơ, dự thảo kết quả");
    // four diagrams: the procedure and its three called phases (reception, division, result return)
    new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(250)).withMessage("four diagrams drawn")
        .until(d -> d.findElements(By.cssSelector(".onestop-diagram[data-loaded=true]")).size() == 4);
    // the division's diagram: its user tasks were passed (green), none is current
    int passed = driver.findElements(By.cssSelector(".onestop-diagram .djs-element.onestop-passed")).size();
    assertThat(passed).isGreaterThanOrEqualTo(8);
    assertThat(driver.findElements(By.cssSelector(".onestop-diagram .djs-element.onestop-current"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".onestop-instance-link"))).isEmpty(); // finished: no runtime view
    scrollIntoView(driver.findElements(By.cssSelector(".onestop-diagram")).get(2));
    screenshot("32-cockpit-dossier-story");
    logout();
  }

  private String finishedPromotionDossier(String applicant) {
    Map<String, Object> start = new HashMap<>();
    start.put("applicantName", applicant);
    start.put("applicantIdNumber", "0209876543");
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", start).getBusinessKey();
    complete(code, "checkCompleteness", Map.of("receptionDecision", "ACCEPT"));
    complete(code, "assignSpecialist", Map.of("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", Map.of("appraisalProposal", "APPROVE"));
    complete(code, "approveResult", Map.of("leaderDecision", "APPROVE"));
    complete(code, "issueResult", Map.of("documentNumber", "88/GXN-SCT"));
    complete(code, "returnResult", Map.of());
    return code;
  }

  private void complete(String code, String taskKey, Map<String, Object> variables) {
    String id = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
        .singleResult().getId();
    taskService.complete(id, variables);
  }
}
