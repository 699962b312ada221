package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * Staff endpoints through MockMvc: our staff API and actuator need a Camunda account, whose authorizations
 * the engine applies. The engine REST API itself runs in its own servlet, outside MockMvc: see
 * {@link vn.gov.sct.onestop.config.EngineRestSecurityTest}.
 */
class StaffSecurityTest extends OnlineApiTestSupport {

  @Test
  void theEngineRestApiRefusesAnonymousCallersAndWrongPasswords() throws Exception {
    mvc.perform(get("/engine-rest/task"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:unauthorized"));
    mvc.perform(get("/engine-rest/process-definition").with(httpBasic("nobody-here", "demo")))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/engine-rest/process-definition/key/promotionRegistration/start")
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aPageScriptGetsTheRefusalWithoutAPasswordChallenge() throws Exception {
    // Tasklist's sign-in page probes /camunda-welcome; a Basic challenge there opens the browser's own
    // password dialog over the page. The Cockpit dashboard's fetch after its session ended is the same case.
    mvc.perform(get("/camunda-welcome").header("Sec-Fetch-Dest", "empty"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"));
    mvc.perform(get("/api/v1/statistics").header("X-Requested-With", "XMLHttpRequest"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"))
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:unauthorized"));
  }

  @Test
  void staffReadTheDocumentsOfDossiersTheyMaySeeOnly() throws Exception {
    JsonNode d = submitValid("Công ty Tài Liệu");
    String code = d.get("dossierCode").asText();
    String id = d.at("/attachments/0/id").asText();
    mvc.perform(get("/api/v1/dossiers/{code}/attachments", code)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/dossiers/{code}/attachments", code).with(httpBasic("motcua", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].fileName").value("don-dang-ky.pdf"));
    mvc.perform(get("/api/v1/dossiers/{code}/attachments/{id}", code, id).with(httpBasic("motcua", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(content().bytes(PDF));
    mvc.perform(get("/api/v1/dossiers/{code}/attachments", code).with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCockpitLoginReadsTheStaffApiButCannotWriteWithIt() throws Exception {
    MockHttpSession session = new MockHttpSession();
    Authentications logins = new Authentications();
    UserAuthentication quanly = new UserAuthentication("quanly", "default");
    quanly.setGroupIds(List.of("managers"));
    logins.addOrReplace(quanly);
    AuthenticationUtil.updateSession(session, logins);

    mvc.perform(get("/api/v1/statistics?from=2026-01-01&to=2026-12-31")).andExpect(status().isUnauthorized());
    String sessionId = session.getId();
    mvc.perform(get("/api/v1/statistics?from=2026-01-01&to=2026-12-31").session(session))
        .andExpect(status().isOk());
    // the web apps' requests still carry the old session id: it must not change under them
    assertThat(session.getId()).isEqualTo(sessionId);
    assertThat(session.isInvalid()).isFalse();
    mvc.perform(post("/api/v1/public/../dossiers/X/attachments").session(session))
        .andExpect(status().is4xxClientError());
    mvc.perform(post("/engine-rest/process-definition/key/promotionRegistration/start").session(session)
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void actuatorHealthIsPublicAndTheRestIsForStaff() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/info").with(httpBasic("admin", "admin"))).andExpect(status().isOk());
  }

  @Test
  void theOpenApiDescriptionListsEveryEndpoint() throws Exception {
    String api = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    JsonNode paths = json.readTree(api).get("paths");
    assertThat(paths.fieldNames()).toIterable().contains(
        "/api/v1/public/procedures",
        "/api/v1/public/dossiers",
        "/api/v1/public/dossiers/{code}",
        "/api/v1/public/dossiers/{code}/supplements",
        "/api/v1/public/dossiers/{code}/withdrawal",
        "/api/v1/public/dossiers/{code}/result",
        "/api/v1/dossiers/{code}/attachments",
        "/api/v1/dossiers/{code}/attachments/{id}",
        "/api/v1/public/dossiers/{code}/documents/{kind}",
        "/api/v1/dossiers/{code}/documents",
        "/api/v1/dossiers/{code}/documents/{kind}",
        "/api/v1/documents/tracking-book");
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }
}
