package vn.gov.sct.onestop.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import vn.gov.sct.onestop.benchmark.Lifecycle;
import vn.gov.sct.onestop.benchmark.OnlineSubmission;

/**
 * Applicants and clerks over HTTP, as a load balancer in front of the nodes would send them: each request goes to
 * the next node in turn; a request that meets a clean failure ({@link Tally}) is sent again, to the next node,
 * after a pause. The applicant submits online with an Idempotency-Key (a retry of a submission whose answer was
 * lost returns the same dossier); a clerk completes a task and, when the answer to a completion was lost, reloads
 * the task list: a task that is gone was completed by the lost request.
 */
final class Office {

  static final String PASSWORD = "demo";
  static final String ADMIN = "admin";
  private static final int ATTEMPTS = 60;

  /** One answer: the status (-1 when no answer came), the body, and its kind as counted. */
  record Answer(int status, byte[] body, String kind, boolean clean) {
    boolean ok() {
      return Tally.OK.equals(kind);
    }
  }

  private final List<Node> nodes;
  private final Tally tally;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger next = new AtomicInteger();
  private final Map<String, Long> downUntil = new java.util.concurrent.ConcurrentHashMap<>();
  static final long DOWN_MILLIS = 5000;
  private final String label;

  Office(List<Node> nodes, Tally tally, String label) {
    this.nodes = nodes;
    this.tally = tally;
    this.label = label;
  }

  Tally tally() {
    return tally;
  }

  /** The applicant's name of submission i of this office, unique per scenario (the checks find it by name). */
  String applicant(int i) {
    return "Công ty TNHH Thử nghiệm " + label + " " + i;
  }

  /**
   * The address of applicant i as the load balancer reports it (X-Forwarded-For; the nodes trust it from the
   * loopback proxy): every applicant has an address of their own, as citizens do, so the production rate limit
   * per address holds during the load.
   */
  String address(int i) {
    int n = Math.floorMod(label.hashCode() * 7919 + i, 250 * 250 * 2);
    return "198." + (18 + n / 62500) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
  }

  /** Submits dossier i online; its code, or null when no node accepted it after every retry. */
  String submit(int i) throws Exception {
    String key = UUID.randomUUID().toString();
    String boundary = "cluster" + UUID.randomUUID();
    byte[] bytes = OnlineSubmission.body(boundary, applicant(i), i);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Answer answer = send(base -> HttpRequest.newBuilder(URI.create(base + "/api/v1/public/dossiers"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("Idempotency-Key", key).header("Accept-Language", "vi").header("X-Forwarded-For", address(i))
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), 201);
      if (answer.ok()) {
        return json.readTree(answer.body()).get("dossierCode").asText();
      }
      if (!answer.clean()) {
        return null;
      }
      pause(attempt);
    }
    return null;
  }

  /** Moves dossier {@code code} through every user task of its lifecycle; false when a step could not be done. */
  boolean drive(String code) throws Exception {
    for (Lifecycle.Step step : Lifecycle.STEPS) {
      if (!step(code, step)) {
        return false;
      }
    }
    return true;
  }

  /** One step: find the task, claim it, complete it; retried as a clerk would, reloading the task first. */
  boolean step(String code, Lifecycle.Step step) throws Exception {
    boolean sentWithoutAnswer = false;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Answer found = send(base -> get(base + "/engine-rest/task?processInstanceBusinessKey="
          + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + step.taskKey(), step.user()), 200);
      if (!found.ok()) {
        if (!found.clean()) {
          return false;
        }
        pause(attempt);
        continue;
      }
      JsonNode tasks = json.readTree(found.body());
      if (tasks.isEmpty()) {
        if (sentWithoutAnswer) {
          return true; // the completion whose answer was lost had been committed
        }
        pause(attempt);
        continue;
      }
      JsonNode task = tasks.get(0);
      String id = task.get("id").asText();
      if (task.get("assignee").isNull()) {
        Answer claimed = send(base -> post(base + "/engine-rest/task/" + id + "/claim", step.user(),
            Map.of("userId", step.user())), 204);
        if (!claimed.ok()) {
          if (!claimed.clean()) {
            return false;
          }
          pause(attempt);
          continue;
        }
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      step.variables().forEach((k, v) -> variables.put(k, Map.of("value", v)));
      Answer completed = send(base -> post(base + "/engine-rest/task/" + id + "/complete", step.user(),
          Map.of("variables", variables)), 204);
      if (completed.ok()) {
        return true;
      }
      if (!completed.clean()) {
        return false;
      }
      sentWithoutAnswer |= completed.status() < 0;
      pause(attempt);
    }
    return false;
  }

  /** One attempt on the next node, counted in the tally. */
  Answer send(Function<String, HttpRequest> request, int expected) throws InterruptedException {
    return sendTo(pick(), request, expected);
  }

  /** One attempt on the given node, counted in the tally. */
  Answer sendTo(Node node, Function<String, HttpRequest> request, int expected) throws InterruptedException {
    HttpRequest r = request.apply(node.base());
    long start = System.nanoTime();
    Answer answer;
    try {
      HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      answer = classify(response, expected);
    } catch (ConnectException e) {
      markDown(node);
      answer = new Answer(-1, new byte[0], "connection refused (node down), retried", true);
    } catch (HttpTimeoutException e) {
      answer = new Answer(-1, new byte[0], "no answer within 30 s", false);
    } catch (IOException e) {
      markDown(node);
      answer = new Answer(-1, new byte[0], "connection cut before the answer (node killed), retried", true);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    // the time of day, to find the request in the node's log
    tally.count(answer.kind(), answer.clean(), LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + r.method() + " "
        + r.uri().getPath() + " on " + node.name + ": " + answer.status() + " "
        + new String(answer.body(), StandardCharsets.UTF_8), millis);
    return answer;
  }

  /**
   * The next node in turn that is not marked down; as a load balancer's passive health check (nginx's max_fails /
   * fail_timeout), a node that refused or cut a connection gets no requests for {@link #DOWN_MILLIS}.
   */
  private Node pick() {
    long now = System.nanoTime();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      Long until = downUntil.get(node.name);
      if (until == null || until - now < 0) {
        return node;
      }
    }
    return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
  }

  private void markDown(Node node) {
    downUntil.put(node.name, System.nanoTime() + DOWN_MILLIS * 1_000_000L);
  }

  private static Answer classify(HttpResponse<byte[]> response, int expected) {
    int status = response.statusCode();
    byte[] body = response.body();
    boolean problem = response.headers().firstValue("Content-Type").orElse("").contains("problem+json");
    boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
    if (status == expected) {
      return new Answer(status, body, Tally.OK, true);
    }
    if (status == 409) {
      return new Answer(status, body, "409 concurrent change, retried", true);
    }
    if (status == 503 && problem && retryAfter) {
      return new Answer(status, body, "503 problem detail with Retry-After, retried", true);
    }
    if (status == 429 && problem && retryAfter) {
      return new Answer(status, body, "429 problem detail with Retry-After, retried", true);
    }
    return new Answer(status, body, status + (problem ? " problem detail" : "") + " (unexpected)", false);
  }

  HttpRequest get(String uri, String user) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).header("Authorization", basic(user))
        .header("Accept", "application/json").GET().build();
  }

  HttpRequest post(String uri, String user, Object body) {
    try {
      return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
          .header("Authorization", basic(user)).header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpRequest put(String uri, String user, Object body) {
    try {
      return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
          .header("Authorization", basic(user)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ObjectMapper json() {
    return json;
  }

  static String basic(String user) {
    String password = ADMIN.equals(user) ? ADMIN : PASSWORD;
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** 100 ms, growing to 1 s: a client that is told to retry does not hammer a recovering service. */
  static void pause(int attempt) throws InterruptedException {
    Thread.sleep(Math.min(1000, 100L * attempt));
  }
}
