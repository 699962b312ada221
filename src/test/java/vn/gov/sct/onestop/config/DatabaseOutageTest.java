package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped under a running node, for real: every way in (a staff member's HTTP Basic sign-in on the
 * engine REST API and our staff API, the web apps' login form, a signed-in web-app session on the web apps' engine
 * API and on our staff API) answers 503 with our problem detail and Retry-After, in Vietnamese or English, within the
 * pool's connection timeout, never 401 or 500; nothing is half written; once PostgreSQL is back the node serves again
 * without a restart and the same step goes through. The node has a PostgreSQL of its own (started here, stopped and
 * started on the same port and data directory), so the other tests' database is not touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // as EngineTestSupport
    "camunda.bpm.job-execution.enabled=false",
    "spring.main.banner-mode=off",
    "onestop.statistics.compaction-interval=PT24H",
    "onestop.outbox.auto-dispatch=false",
    "logging.level.org.camunda.bpm.engine.context=off",
    // the web apps check a signed-in user's groups again after this many milliseconds (Camunda: 5 minutes); 1 ms
    // makes the session's next request do it while the database is down, in Camunda's own authentication filter
    "camunda.bpm.webapp.auth.cache.time-to-live=1",
    // production waits 5 s for a connection; the test's requests during the outage wait 2 s each
    "spring.datasource.hikari.connection-timeout=2000"
})
@DirtiesContext
class DatabaseOutageTest {

  private static final int PORT = freePort();
  private static final Path DATA = dataDirectory();
  private static EmbeddedPostgres postgres = start();

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void whilePostgresIsDownEveryWayInAnswers503AndTheStepGoesThroughOnceItIsBack() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
        .toInstant()));
    String code = runtimeService.startProcessInstanceByKey("promotionRegistration", Map.of(
        "applicantName", "Công ty TNHH Mất Điện", "applicantIdNumber", "0201234567",
        "applicantPhone", "0912345678", "applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng")).getBusinessKey();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    // the web apps date their check of a session's groups by the engine clock: today's, so it falls due
    ClockUtil.reset();
    String tasks = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String csrf = signIntoTasklist(browser, cookies);
    CookieManager newcomerCookies = new CookieManager();
    HttpClient newcomer = HttpClient.newBuilder().cookieHandler(newcomerCookies).build();
    newcomer.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(send(basic("GET", tasks, null), null).statusCode()).isEqualTo(200);

    postgres.close();
    try {
      // HTTP Basic sign-in on the engine REST API: the password cannot be checked, which is no wrong password
      unavailable(send(basic("GET", tasks, null), null), "vi", tasks);
      unavailable(send(basic("GET", tasks, null), "en"), "en", tasks);
      String claim = "/engine-rest/task/" + task.getId() + "/claim";
      unavailable(send(basic("POST", claim, "{\"userId\":\"motcua\"}"), null), "vi", claim);
      // our staff API, with HTTP Basic and with the web apps' session (the Cockpit dashboard's way)
      String story = "/api/v1/dossiers/" + code + "/story";
      unavailable(send(basic("GET", story, null), "en"), "en", story);
      unavailable(browser.send(HttpRequest.newBuilder(uri(story)).header("Accept-Language", "vi").build(),
          HttpResponse.BodyHandlers.ofString()), "vi", story);
      // the web apps' engine API with the signed-in session (Tasklist's claim button): Camunda's authentication
      // filter checks the session's groups again first, and its failure leaves the filter chain
      String webClaim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";
      unavailable(browser.send(webApp(webClaim, csrf)
          .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"motcua\"}")).build(),
          HttpResponse.BodyHandlers.ofString()), "vi", webClaim);
      // the web apps' login form
      String login = "/camunda/api/admin/auth/user/default/login/tasklist";
      unavailable(newcomer.send(HttpRequest.newBuilder(uri(login))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
          .header("X-XSRF-TOKEN", xsrf(newcomerCookies))
          .POST(HttpRequest.BodyPublishers.ofString("username=motcua&password=demo")).build(),
          HttpResponse.BodyHandlers.ofString()), "en", login);
    } finally {
      postgres = start();
    }

    // the pool reconnects on its own: served again within seconds, nothing of the outage's claims written
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> again = send(basic("GET", tasks, null), null);
    while (again.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      again = send(basic("GET", tasks, null), null);
    }
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get(0).get("assignee").isNull()).isTrue();
    HttpResponse<String> claimed = browser.send(webApp("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/claim", csrf).POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"motcua\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("motcua");
  }

  /** 503, our problem detail in the caller's language, Retry-After, answered without hanging. */
  private void unavailable(HttpResponse<String> response, String language, String path) throws Exception {
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).as(path)
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("5");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:onestop:problem:database-unavailable");
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(problem.get("title").asText()).as(path).isEqualTo("vi".equals(language)
        ? "Hệ thống tạm thời không sẵn sàng" : "Service temporarily unavailable");
  }

  private HttpRequest.Builder basic(String method, String path, String body) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("motcua:demo".getBytes()))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String language) throws Exception {
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder webApp(String path, String csrf) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/plain, */*")
        .header("X-XSRF-TOKEN", csrf).header("Origin", "http://localhost:" + port)
        .header("Referer", "http://localhost:" + port + "/camunda/app/tasklist/");
  }

  /** As Tasklist signs in: CSRF cookie, login form, a first GET that hands the session its token. */
  private String signIntoTasklist(HttpClient browser, CookieManager cookies) throws Exception {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=motcua&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    return xsrf(cookies);
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres started = EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA)
          .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
      if (postgres == null) {
        // after the Spring contexts are closed (as TestDatabase): the engine closes against a running database
        SpringApplication.getShutdownHandlers().add(() -> {
          try {
            postgres.close();
          } catch (IOException ignored) {
            // the JVM is going away
          }
          FileSystemUtils.deleteRecursively(DATA.toFile());
        });
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the outage test's PostgreSQL", e);
    }
  }

  private static Path dataDirectory() {
    try {
      return Files.createTempDirectory("onestop-outage-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
