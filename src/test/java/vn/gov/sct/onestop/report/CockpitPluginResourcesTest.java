package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plugin module is on the classpath where Cockpit's config.js points, with both plugin points. */
class CockpitPluginResourcesTest {

  private static final String SCRIPTS = "META-INF/resources/webjars/camunda/app/cockpit/scripts/";

  @Test
  void config_loads_the_plugin_module_which_offers_the_dashboard_and_the_control_slip_tab() throws IOException {
    String config = read(SCRIPTS + "config.js");
    assertThat(config).contains("customScripts: ['scripts/onestop-dashboard.js']");
    String plugin = read(SCRIPTS + "onestop-dashboard.js");
    assertThat(plugin).contains("export default [", "pluginPoint: 'cockpit.dashboard'",
        "pluginPoint: 'cockpit.processInstance.runtime.tab'", "label: 'Phiếu kiểm soát'",
        "'/monitoring/overdue'", "'/monitoring/at-risk'", "'/statistics'", "#/process-instance/",
        "pluginPoint: 'cockpit.route'", "path: '/onestop/search'", "path: '/onestop/dossier'",
        "'/statistics/charts'", "'/statistics/periodic-report.xlsx'", "'/statistics/periodic-report.pdf'");
    // the chart library the plugin loads is the webjar on the classpath (served by the application, no CDN)
    assertThat(plugin).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    assertThat(getClass().getClassLoader()
        .getResource("META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js")).isNotNull();
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = CockpitPluginResourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
