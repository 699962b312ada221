package vn.gov.sct.onestop.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.gov.sct.onestop.OutboxTestSupport;

/**
 * What an operator sees of a dead message: the gauge, the staff endpoint (managers and administrators only), the
 * retry, the reconciliation list, and the Cockpit dashboard's block that calls them.
 */
class OutboxOperatorsTest extends OutboxTestSupport {

  @Autowired WebApplicationContext web;
  @Autowired MeterRegistry meters;
  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  @Test
  void aManagerSeesTheDeadMessageAndRetriesItOthersMayNot() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-13T09:00"));
    StubMapping down = PORTAL.stubFor(WireMock.post("/dvcqg/dongbo").atPriority(1).withRequestBody(containing(code))
        .willReturn(serviceUnavailable()));
    dispatchWithRetries(4);
    long id = jdbc.queryForObject("select id from outbox_message where dossier_code = ? and status = 'DEAD'",
        Long.class, code);
    assertThat(meters.get("onestop.outbox.dead").gauge().value()).isGreaterThanOrEqualTo(1);

    mvc.perform(get("/api/v1/outbox/dead").with(httpBasic("cv.thuongmai", "demo")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Không có quyền"));
    mvc.perform(post("/api/v1/outbox/dead/" + id + "/retry").with(httpBasic("motcua", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/outbox/dead").with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + id + ")].dossierCode").value(code));
    mvc.perform(get("/api/v1/outbox/unacknowledged?channel=PORTAL").with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].status").value("DEAD"));
    mvc.perform(get("/api/v1/outbox/unacknowledged?channel=FAX").with(httpBasic("quanly", "demo"))
            .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Channel 'FAX' does not exist; use EMAIL, SMS, ZALO or PORTAL."));

    PORTAL.removeStub(down);
    mvc.perform(post("/api/v1/outbox/dead/" + id + "/retry").with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
    mvc.perform(post("/api/v1/outbox/dead/" + id + "/retry").with(httpBasic("quanly", "demo")))
        .andExpect(status().isNotFound());
    dispatch();

    assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id))
        .isEqualTo("SENT");
    mvc.perform(get("/api/v1/outbox/unacknowledged").with(httpBasic("quanly", "demo")))
        .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')]").isEmpty());
  }

  @Test
  void theCockpitDashboardHasTheDeadMessagesBlock() throws Exception {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/camunda/app/cockpit/scripts/onestop-dashboard.js")) {
      String plugin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(plugin).contains("id: 'onestop.deadMessages'", "'/outbox/dead'", "/retry'", "Tin nhắn gửi lỗi",
          "Authorization: 'Basic '");
    }
  }
}
