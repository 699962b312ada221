package vn.gov.sct.onestop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Cockpit dashboard carries the managers' section of changed due dates as a plugin of its own. */
class DueDateChangesDashboardTest {

  @Test
  void the_dashboard_plugin_lists_the_changed_due_dates_from_the_staff_endpoint() throws IOException {
    String resource = "META-INF/resources/webjars/camunda/app/cockpit/scripts/onestop-dashboard.js";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String plugin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(plugin).contains("id: 'onestop.dueDateChanges'", "'/monitoring/due-date-changes'",
          "Hạn giải quyết thay đổi theo lịch nghỉ chính thức", "c.previousDueAt", "c.newDueAt", "c.reason");
    }
  }
}
