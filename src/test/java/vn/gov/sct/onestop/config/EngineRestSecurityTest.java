package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The engine REST API over real HTTP (it is a Jersey servlet beside Spring MVC): anonymous callers get 401,
 * staff get what their Camunda authorizations allow, and no query may carry an expression, not even inside
 * {@code orQueries}, the bypass of the engine's own check in 7.24.0.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class EngineRestSecurityTest extends EngineTestSupport {

  static final String OR_QUERY = """
      {"orQueries": [{"assigneeExpression": "${''.getClass().forName('java.lang.Runtime')}"}]}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void standOnAMondayMorning() {
    clockAt("2026-03-02T09:00");
  }

  @Test
  void anonymousCallersAndWrongPasswordsGet401() throws Exception {
    HttpResponse<String> anonymous = send("GET", "/engine-rest/task", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    // a wrong password (the engine then delays that account's next sign-in: vanphong is not used elsewhere here)
    assertThat(send("GET", "/engine-rest/process-definition", null, "vanphong:wrong-password").statusCode()).isEqualTo(401);
    assertThat(send("POST", "/engine-rest/process-definition/key/promotionRegistration/start", "{}", null).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/engine-rest/engine", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void staffSeeTasksThroughTheirOwnAuthorizations() throws Exception {
    String code = submit("promotionRegistration", "Công ty REST").getBusinessKey();
    String query = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    HttpResponse<String> clerk = send("GET", query, null, "motcua:demo");
    assertThat(clerk.statusCode()).isEqualTo(200);
    JsonNode tasks = json.readTree(clerk.body());
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("checkCompleteness");
    HttpResponse<String> energy = send("GET", query, null, "cv.nangluong:demo");
    assertThat(energy.statusCode()).isEqualTo(200);
    assertThat(json.readTree(energy.body())).isEmpty();
  }

  @Test
  void expressionsAreRefusedAtTopLevelAndInsideOrQueries() throws Exception {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/task/count"}) {
      HttpResponse<String> refused = send("POST", path, OR_QUERY, "motcua:demo");
      assertThat(refused.statusCode()).isEqualTo(400);
      JsonNode problem = json.readTree(refused.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:onestop:problem:expression-query");
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("orQueries[0].assigneeExpression");
    }
    assertThat(send("POST", "/engine-rest/filter/some-filter/list",
        "{\"orQueries\": [{\"dueBeforeExpression\": \"${now()}\"}]}", "motcua:demo").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", null, "motcua:demo")
        .statusCode()).isEqualTo(400);
    assertThat(send("GET", "/engine-rest/task?candidateGroup%45xpression=x", null, "motcua:demo").statusCode())
        .isEqualTo(400);
    // the same query without the expression passes, its body intact
    HttpResponse<String> plain = send("POST", "/engine-rest/task/count",
        "{\"orQueries\": [{\"candidateGroup\": \"one-stop\"}]}", "motcua:demo");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(json.readTree(plain.body()).get("count").isNumber()).isTrue();
  }

  @Test
  void theWebAppsKeepTheirOwnSignInAndTheirTaskQueriesRefuseExpressionsToo() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    HttpResponse<String> welcome = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(welcome.statusCode()).isEqualTo(200);
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(
        URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isIn(401, 403);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=motcua&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // as the browser does next: a GET, which hands the new session its CSRF token
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpRequest.Builder query = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count"))
        .header("Content-Type", "application/json").header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .header("Origin", base).header("Referer", base + "/camunda/app/tasklist/default/");
    HttpResponse<String> plain = browser.send(query.copy()
        .POST(HttpRequest.BodyPublishers.ofString("{\"orQueries\": [{\"candidateGroup\": \"one-stop\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(200);
    HttpResponse<String> refused = browser.send(query.copy().POST(HttpRequest.BodyPublishers.ofString(OR_QUERY)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("expression-query");
  }

  @Test
  void aConcurrentChangeIs409WithCamundasErrorCodeAndOtherErrorsKeepTheirStatus() throws Exception {
    for (String path : List.of("/engine-rest/test-conflict/wrapped", "/engine-rest/test-conflict/unwrapped")) {
      HttpResponse<String> conflict = send("POST", path, "{}", "motcua:demo");
      assertThat(conflict.statusCode()).as(path).isEqualTo(409);
      JsonNode error = json.readTree(conflict.body());
      assertThat(error.get("type").asText()).isEqualTo("OptimisticLockingException");
      assertThat(error.get("code").asInt()).isEqualTo(1);
      assertThat(error.get("message").asText()).startsWith("Hồ sơ vừa được thay đổi");
    }
    HttpResponse<String> other = send("POST", "/engine-rest/test-conflict/other", "{}", "motcua:demo");
    assertThat(other.statusCode()).isEqualTo(500);
    assertThat(json.readTree(other.body()).get("message").asText()).isEqualTo("Cannot complete task t1: boom");
    HttpResponse<String> missing = send("GET", "/engine-rest/task/no-such-task", null, "motcua:demo");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).get("type").asText()).isEqualTo("InvalidRequestException");
    // the losing clerk of a completion race: the other's commit removed the task (Camunda: 500 or 403)
    org.camunda.bpm.engine.task.Task task = taskService.newTask();
    taskService.saveTask(task);
    taskService.complete(task.getId());
    HttpResponse<String> gone = send("POST", "/engine-rest/task/" + task.getId() + "/complete", "{}", "motcua:demo");
    assertThat(gone.statusCode()).isEqualTo(409);
    assertThat(json.readTree(gone.body()).get("code").asInt()).isEqualTo(1);
    // the race lost a moment later: the task was read before the winner's commit, its execution after it, and the
    // engine itself fails with a NullPointerException (seen in the cluster harness, scenario 4): still 409
    HttpResponse<String> torn = send("POST", "/engine-rest/test-conflict/engine-rest/task/" + task.getId()
        + "/complete", "{}", "motcua:demo");
    assertThat(torn.statusCode()).isEqualTo(409);
    // the same failure on a task that is not finished is a server error, as before
    org.camunda.bpm.engine.task.Task open = taskService.newTask();
    taskService.saveTask(open);
    HttpResponse<String> broken = send("POST", "/engine-rest/test-conflict/engine-rest/task/" + open.getId()
        + "/complete", "{}", "motcua:demo");
    assertThat(broken.statusCode()).isEqualTo(500);
    // or the execution's variables after it: the winner's step removed one that a delegate of ours requires
    HttpResponse<String> stale = send("POST", "/engine-rest/test-conflict/missing/engine-rest/task/" + task.getId()
        + "/complete", "{}", "motcua:demo");
    assertThat(stale.statusCode()).isEqualTo(409);
    // the same refusal on a task that is still open stays the clerk's 400 naming the variable
    HttpResponse<String> refused = send("POST", "/engine-rest/test-conflict/missing/engine-rest/task/" + open.getId()
        + "/complete", "{}", "motcua:demo");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("dossierCode");
    // the same race in Tasklist, whose forms submit through the web apps' engine API
    HttpResponse<String> tasklist = send("POST", "/engine-rest/test-conflict/api/engine/engine/default/task/"
        + task.getId() + "/submit-form", "{}", "motcua:demo");
    assertThat(tasklist.statusCode()).isEqualTo(409);
    taskService.deleteTask(open.getId(), true);
  }

  /** Throws what Camunda's task resource throws when completing meets a concurrent change, through real Jersey. */
  @Path("/test-conflict")
  public static class ConflictResource {
    @POST
    @Path("/wrapped")
    public String wrapped() {
      throw new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
          new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[t1]' failed"),
          "Cannot complete task t1: ENGINE-03005");
    }

    @POST
    @Path("/unwrapped")
    public String unwrapped() {
      throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[t1]' failed");
    }

    /** Under a path the completion rule recognises: what the engine throws when the execution vanished. */
    @POST
    @Path("/engine-rest/task/{id}/complete")
    public String torn(@jakarta.ws.rs.PathParam("id") String id) {
      throw new NullPointerException("Cannot invoke \"ExecutionEntity.restoreProcessInstance(…)\" because "
          + "\"processInstance\" is null");
    }

    /** As {@link #torn}, for a required variable that was gone. */
    @POST
    @Path("/missing/engine-rest/task/{id}/complete")
    public String missing(@jakarta.ws.rs.PathParam("id") String id) {
      throw new vn.gov.sct.onestop.dossier.MissingVariableException("dossierCode");
    }

    /** As {@link #torn}, under the path of Tasklist's form submission (the web apps' engine API). */
    @POST
    @Path("/api/engine/engine/default/task/{id}/submit-form")
    public String tornInTasklist(@jakarta.ws.rs.PathParam("id") String id) {
      return torn(id);
    }

    @POST
    @Path("/other")
    public String other() {
      throw new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
          new ProcessEngineException("boom"), "Cannot complete task t1: boom");
    }
  }

  @TestConfiguration
  static class ConflictEndpoint {
    @Bean
    ResourceConfigCustomizer conflictResource() {
      return config -> config.register(ConflictResource.class);
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
