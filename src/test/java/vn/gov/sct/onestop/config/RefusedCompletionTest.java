package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * A completion that the decision task's complete listener refuses is the client's error: 400 with a problem detail
 * naming the variable and its allowed values, in Vietnamese (English with {@code Accept-Language: en}), in the engine
 * REST API and in the web apps' own engine API that Tasklist's forms call; the dossier does not move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedCompletionTest extends EngineTestSupport {

  static final String MOTCUA = "Basic " + Base64.getEncoder().encodeToString("motcua:demo".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void standOnAMondayMorning() {
    clockAt("2026-03-02T09:00");
  }

  @Test
  void theEngineRestApiAnswers400NamingTheDecisionAndItsChoicesInTheCallersLanguage() throws Exception {
    String code = submit("promotionRegistration", "Công ty TNHH Quyết Định Thiếu").getBusinessKey();
    String task = openTask(code, "checkCompleteness").getId();

    for (String action : List.of("complete", "submit-form")) {
      String path = "/engine-rest/task/" + task + "/" + action;
      HttpResponse<String> missing = post(http, path, "{\"variables\": {}}", null, MOTCUA);
      JsonNode problem = problem(missing);
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("receptionDecision");
      assertThat(problem.at("/errors/0/allowedValues").toString()).isEqualTo("[\"ACCEPT\",\"SUPPLEMENT\",\"REFUSE\"]");
      assertThat(problem.get("detail").asText()).as(path).isEqualTo("Công việc chưa được hoàn thành, hồ sơ không thay "
          + "đổi: thiếu biến “receptionDecision”; giá trị được phép: ACCEPT, SUPPLEMENT, REFUSE.");
      assertThat(problem.get("title").asText()).isEqualTo("Thiếu hoặc sai dữ liệu của công việc");
      assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
      assertThat(problem.get("instance").asText()).isEqualTo(path);

      JsonNode english = problem(post(http, path, "{\"variables\": {\"receptionDecision\": {\"value\": \"MAYBE\"}}}",
          "en", MOTCUA));
      assertThat(english.get("status").asInt()).isEqualTo(400);
      assertThat(english.get("detail").asText()).isEqualTo("The task was not completed and the dossier did not change: "
          + "variable “receptionDecision” may not be “MAYBE”; allowed values: ACCEPT, SUPPLEMENT, REFUSE.");
      assertThat(english.at("/errors/0/allowedValues")).hasSize(3);
    }

    // a refusal needs its reasons: the delegate behind the decision names the missing variable the same way
    JsonNode noReason = problem(post(http, "/engine-rest/task/" + task + "/complete",
        "{\"variables\": {\"receptionDecision\": {\"value\": \"REFUSE\"}}}", "en", MOTCUA));
    assertThat(noReason.get("status").asInt()).isEqualTo(400);
    assertThat(noReason.at("/errors/0/field").asText()).isEqualTo("receptionNote");
    assertThat(noReason.at("/errors/0/allowedValues").isMissingNode()).isTrue();

    assertThat(openTask(code, "checkCompleteness").getId()).as("the dossier did not move").isEqualTo(task);
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.NEWLY_REGISTERED);
    assertThat(post(http, "/engine-rest/task/" + task + "/complete",
        "{\"variables\": {\"receptionDecision\": {\"value\": \"ACCEPT\"}}}", null, MOTCUA).statusCode()).isEqualTo(204);
    assertThat(openTask(code, "assignSpecialist")).isNotNull();
  }

  @Test
  void theWebAppsEngineApiThatTasklistCallsAnswersTheSame() throws Exception {
    String code = submit("promotionRegistration", "Công ty TNHH Biểu Mẫu Trống").getBusinessKey();
    String task = openTask(code, "checkCompleteness").getId();
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String token = signIntoTasklist(browser, cookies, "motcua");

    for (String action : List.of("submit-form", "complete")) {
      String path = "/camunda/api/engine/engine/default/task/" + task + "/" + action;
      HttpResponse<String> refused = post(browser, path, "{\"variables\": {}}", null, token);
      JsonNode problem = problem(refused);
      assertThat(problem.get("status").asInt()).as(path).isEqualTo(400);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("receptionDecision");
      // what Tasklist shows the clerk
      assertThat(problem.get("message").asText()).isEqualTo("Công việc chưa được hoàn thành, hồ sơ không thay đổi: "
          + "thiếu biến “receptionDecision”; giá trị được phép: ACCEPT, SUPPLEMENT, REFUSE.");
      JsonNode english = problem(post(browser, path,
          "{\"variables\": {\"receptionDecision\": {\"value\": \"<b>LATER</b>\", \"type\": \"String\"}}}", "en", token));
      assertThat(english.get("status").asInt()).isEqualTo(400);
      // the value is quoted without markup: Tasklist shows the message as HTML
      assertThat(english.get("message").asText()).contains("may not be “bLATER/b”; allowed values: ACCEPT, "
          + "SUPPLEMENT, REFUSE");
    }
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.NEWLY_REGISTERED);
    HttpResponse<String> accepted = post(browser, "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\": {\"receptionDecision\": {\"value\": \"ACCEPT\", \"type\": \"String\"}}}", null, token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    // received and handed to the trade division at once
    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.IN_PROCESS);
    assertThat(openTask(code, "assignSpecialist")).isNotNull();
  }

  @Test
  void otherEngineErrorsKeepCamundasAnswer() throws Exception {
    // not a refused input: Camunda's own answer stays (its status, its error shape)
    HttpResponse<String> missing = post(http, "/engine-rest/task/no-such-task/complete", "{}", null, MOTCUA);
    assertThat(missing.statusCode()).isEqualTo(500);
    assertThat(json.readTree(missing.body()).get("type").asText()).isEqualTo("RestException");
    assertThat(json.readTree(missing.body()).get("message").asText()).startsWith("Cannot complete task no-such-task");
  }

  @Test
  void aStartWithAnImpossibleDateOfTheProceduresFieldIs400NamingTheField() throws Exception {
    // a client of the engine REST API starts the procedure itself, past the start form that would refuse 31/02
    HttpResponse<String> refused = post(http, "/engine-rest/process-definition/key/promotionRegistration/start",
        """
        {"variables": {"applicantName": {"value": "Công ty TNHH Thương mại Hải An"},
                       "promotionStart": {"value": "2026-02-31"}}}""", null, MOTCUA);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("promotionStart");
  }

  private static JsonNode problemOf(ObjectMapper json, HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type")).as("%d %s", response.statusCode(), response.body())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:onestop:problem:task-input");
    assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
    return problem;
  }

  private JsonNode problem(HttpResponse<String> response) throws Exception {
    return problemOf(json, response);
  }

  /**
   * Signs in as Tasklist does (CSRF cookie, form login, a first GET that hands the session its token) and answers
   * the CSRF token for the next requests. {@code authorization} of {@link #post} is then this token.
   */
  private String signIntoTasklist(HttpClient browser, CookieManager cookies, String user) throws Exception {
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    return xsrf(cookies);
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
  }

  /** POST with a JSON body; {@code auth} is a Basic header value, or the web apps' CSRF token for a session. */
  private HttpResponse<String> post(HttpClient client, String path, String body, String language, String auth)
      throws Exception {
    String base = "http://localhost:" + port;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/plain, */*");
    if (auth.startsWith("Basic ")) {
      request.header("Authorization", auth);
    } else {
      request.header("X-XSRF-TOKEN", auth).header("Origin", base).header("Referer", base + "/camunda/app/tasklist/");
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
