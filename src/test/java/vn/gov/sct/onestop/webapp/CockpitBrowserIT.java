package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.report.GroupBy;
import vn.gov.sct.onestop.report.Period;
import vn.gov.sct.onestop.report.StatisticsRow;
import vn.gov.sct.onestop.report.StatisticsService;

/**
 * Managers in Cockpit, in a real browser: the manager ({@code quanly}) logs in, sees Cockpit's start page in
 * Vietnamese, and the dashboard plugin shows the figures of the statistics service for this year.
 */
class CockpitBrowserIT extends BrowserTestSupport {

  @Autowired StatisticsService statistics;

  @Test
  void manager_sees_cockpit_in_vietnamese() {
    openLogin("cockpit");
    assertThat(visible(SIGN_IN).getText().trim()).isEqualTo("Đăng nhập");
    login("cockpit", "quanly");
    // the start page's section titles, from cockpit/locales/vi.json (DASHBOARD_ACTUAL, DASHBOARD_DEPLOYED)
    visible(By.xpath("//*[normalize-space(text())='Hiện tại']"));
    visible(By.xpath("//*[normalize-space(text())='Đã triển khai']"));
    screenshot("20-cockpit-manager-start-page");
    logout();
  }

  @Test
  void the_dashboard_shows_this_years_figures() {
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration",
        Map.of("applicantName", "Công ty TNHH Bảng Điều Khiển")).getBusinessKey();
    String reception = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("checkCompleteness").singleResult().getId();
    taskService.complete(reception, Map.of("receptionDecision", "ACCEPT"));

    openLogin("cockpit");
    login("cockpit", "quanly");
    visible(By.xpath("//h1[normalize-space(text())='Theo dõi giải quyết hồ sơ']"));
    WebElement counter = visible(By.cssSelector(
        "table.onestop-statistics tr[data-row=total] td[data-key=receivedCounter]"));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    StatisticsRow expected = statistics.report(new Period(today.withDayOfYear(1), today), GroupBy.PROCEDURE).total();
    assertThat(counter.getText().replaceAll("\\D", "")).isEqualTo(String.valueOf(expected.receivedCounter()));
    assertThat(visible(By.cssSelector("table.onestop-statistics")).getText()).contains("Đăng ký thực hiện khuyến mại");
    screenshot("21-cockpit-dashboard");
    logout();
  }
}
