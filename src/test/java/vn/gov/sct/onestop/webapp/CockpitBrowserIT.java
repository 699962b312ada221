package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Managers in Cockpit, in a real browser. For now: the manager ({@code quanly}) logs in and sees Cockpit's
 * start page in Vietnamese.
 *
 * <p>The place for the managers' dashboard (issue 7): a test here that logs in as {@code quanly}, waits for
 * the dashboard plugin on the start page, reads a figure (e.g. the number of dossiers received in the
 * period, after dossiers started through the engine as {@link TasklistBrowserIT} does) and takes a
 * screenshot with {@link #screenshot(String)}; the Spring context and the browser are shared with the
 * Tasklist tests.
 */
class CockpitBrowserIT extends BrowserTestSupport {

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
}
