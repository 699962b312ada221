package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every staff endpoint asks the engine first ({@code dossier/DossierAccess}). The test reads the OpenAPI description
 * and walks every operation under {@code /api/v1} outside {@code /api/v1/public}, so an endpoint added later is
 * walked too, with the values of an electricity dossier that the energy division handles:
 *
 * <ul>
 *   <li>an operation with the dossier in its path answers a trade-management specialist ({@code cv.thuongmai}) 403 or
 *       404, and the energy specialist who appraises it ({@code cv.nangluong}) 200;</li>
 *   <li>an operation without it (statistics, monitoring lists) answers the trade specialist without a trace of the
 *       dossier: not its code, applicant or process instance; the monitoring lists show it to the energy specialist.</li>
 * </ul>
 *
 * A path parameter the test cannot fill fails it: teach it which value of the dossier the new parameter takes.
 */
class StaffEndpointAccessTest extends OnlineApiTestSupport {

  static final String STAFF = "/api/v1/";
  static final String PUBLIC_PREFIX = "/api/v1/public";
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  /** An operation of the description with its path filled. */
  record Operation(HttpMethod method, String template, String url, boolean namesTheDossier) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @Test
  void a_specialist_of_another_division_gets_nothing_of_an_energy_dossier_from_any_staff_endpoint() throws Exception {
    Dossier energy = energyDossierWithTheSpecialist();
    // past its due date: the dossier is in the overdue list
    clockAt("2026-04-01T09:00");

    List<Operation> operations = staffOperations(energy);
    assertThat(operations).as("staff operations of the OpenAPI description").extracting(Operation::template)
        .contains("/api/v1/dossiers/{code}/control-slip", "/api/v1/dossiers/{code}/attachments",
            "/api/v1/dossiers/{code}/attachments/{id}", "/api/v1/statistics", "/api/v1/monitoring/at-risk",
            "/api/v1/monitoring/overdue");

    List<String> failures = new ArrayList<>();
    for (Operation operation : operations) {
      MockHttpServletResponse other = call(operation, "cv.thuongmai");
      String body = other.getContentAsString(StandardCharsets.UTF_8);
      if (operation.namesTheDossier()) {
        if (other.getStatus() != 403 && other.getStatus() != 404) {
          failures.add(operation + " answered cv.thuongmai " + other.getStatus() + " (expected 403 or 404): "
              + abbreviated(body));
        }
        if (operation.method() == HttpMethod.GET) {
          MockHttpServletResponse own = call(operation, "cv.nangluong");
          if (own.getStatus() != 200) {
            failures.add(operation + " answered cv.nangluong, who appraises the dossier, " + own.getStatus());
          }
        }
      } else {
        if (other.getStatus() >= 500) {
          failures.add(operation + " answered cv.thuongmai " + other.getStatus());
        }
        for (String trace : List.of(energy.code(), energy.applicant(), energy.processInstanceId())) {
          if (body.contains(trace)) {
            failures.add(operation + " showed cv.thuongmai '" + trace + "' of the energy dossier: " + abbreviated(body));
          }
        }
      }
    }
    assertThat(failures).as("staff endpoints that let a user of another division see the dossier").isEmpty();
  }

  @Test
  void the_monitoring_lists_show_the_dossier_to_its_division_and_to_managers() throws Exception {
    Dossier energy = energyDossierWithTheSpecialist();
    clockAt("2026-04-01T09:00");
    for (String user : List.of("cv.nangluong", "quanly")) {
      JsonNode overdue = json.readTree(mvc.perform(get("/api/v1/monitoring/overdue").with(httpBasic(user, "demo")))
          .andReturn().getResponse().getContentAsByteArray());
      assertThat(overdue.findValuesAsText("code")).as("overdue list of %s", user).contains(energy.code());
    }
    JsonNode other = json.readTree(mvc.perform(get("/api/v1/monitoring/overdue").with(httpBasic("cv.thuongmai", "demo")))
        .andReturn().getResponse().getContentAsByteArray());
    assertThat(other.findValuesAsText("code")).doesNotContain(energy.code());
  }

  // ---- the dossier ----------------------------------------------------------------------------------------

  record Dossier(String code, String applicant, String attachmentId, String processInstanceId, long messageId) {}

  /**
   * An online electricity retail dossier with a PDF, accepted at the one-stop section and assigned by the energy
   * division's head to {@code cv.nangluong}, who now appraises it.
   */
  private Dossier energyDossierWithTheSpecialist() throws Exception {
    String applicant = "Công ty Điện lực Tư nhân " + System.nanoTime();
    String dossierJson = """
        {"procedureCode": "electricity-retail",
         "applicant": {"name": "%s", "idNumber": "0201234567", "phone": "0912345678",
                       "email": "lienhe@example.vn", "address": "Số 1 Lạch Tray, Hải Phòng"},
         "fields": {"retailArea": "Khu công nghiệp Đình Vũ, Hải An", "customerCount": 120}}
        """.formatted(applicant);
    MockHttpServletResponse submitted = mvc.perform(submission(dossierPart(dossierJson), pdf("giay-phep.pdf")))
        .andReturn().getResponse();
    assertThat(submitted.getStatus()).as(submitted.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode body = json.readTree(submitted.getContentAsByteArray());
    String code = body.get("dossierCode").asText();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    complete(code, "assignSpecialist", "tp.nangluong", vars("specialist", "cv.nangluong"));
    assertThat(openTask(code, "appraiseDossier").getAssignee()).isEqualTo("cv.nangluong");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("electricityRetail").singleResult().getId();
    // a message of the dossier in the outbox (its applicant's reception email)
    long message = jdbc.queryForObject("select min(id) from outbox_message where dossier_code = ?", Long.class, code);
    return new Dossier(code, applicant, body.at("/attachments/0/id").asText(), instance, message);
  }

  // ---- the description ------------------------------------------------------------------------------------

  private List<Operation> staffOperations(Dossier dossier) throws Exception {
    JsonNode description = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
        .getContentAsByteArray());
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = description.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      String template = path.getKey();
      if (!template.startsWith(STAFF) || template.startsWith(PUBLIC_PREFIX)) {
        continue;
      }
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          operations.add(operation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), template, operation, dossier));
        }
      }
    }
    return operations;
  }

  /** Fills the path parameters with the dossier's values and the required query parameters with plain ones. */
  private static Operation operation(HttpMethod method, String template, JsonNode operation, Dossier dossier) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath(template);
    Map<String, String> pathValues = new java.util.HashMap<>();
    boolean namesTheDossier = false;
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.get("name").asText();
      String in = parameter.get("in").asText();
      if (in.equals("path")) {
        pathValues.put(name, pathValue(template, name, dossier));
        namesTheDossier = true;
      } else if (in.equals("query") && parameter.path("required").asBoolean()) {
        url.queryParam(name, queryValue(template, name, parameter));
      }
    }
    return new Operation(method, template, url.buildAndExpand(pathValues).toUriString(), namesTheDossier);
  }

  private static String pathValue(String template, String name, Dossier dossier) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("code") || lower.equals("dossiercode")) {
      return dossier.code();
    }
    if (lower.equals("id") && template.contains("/attachments/{")) {
      return dossier.attachmentId();
    }
    if (lower.equals("id") && template.contains("/outbox/")) {
      return Long.toString(dossier.messageId());
    }
    if (lower.equals("kind") && template.contains("/documents/{")) {
      return "control-slip"; // the paper every received dossier has, as it stands
    }
    if (lower.equals("processinstanceid")) {
      return dossier.processInstanceId();
    }
    throw new AssertionError(template + ": path parameter '" + name + "' is new to this test; add which value of the "
        + "energy dossier fills it");
  }

  private static String queryValue(String template, String name, JsonNode parameter) {
    if ("date".equals(parameter.path("schema").path("format").asText())) {
      return name.equals("to") ? "2026-12-31" : "2026-01-01";
    }
    throw new AssertionError(template + ": required query parameter '" + name + "' is new to this test; add a value");
  }

  private MockHttpServletResponse call(Operation operation, String user) throws Exception {
    MockHttpServletRequestBuilder request = request(operation.method(), operation.url()).with(httpBasic(user, "demo"));
    if (operation.method() != HttpMethod.GET && operation.method() != HttpMethod.DELETE) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
