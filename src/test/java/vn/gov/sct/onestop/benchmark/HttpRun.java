package vn.gov.sct.onestop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Run 2: the same lifecycle over HTTP: the applicant submits online ({@code POST /api/v1/public/dossiers},
 * multipart with one PDF), then the clerks find, claim and complete each task through the engine REST API with
 * HTTP Basic. Reference: the bare process started and driven through the same engine REST API.
 */
final class HttpRun {

  static final String RUN = "2 HTTP";
  private final Bench bench;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private Sample latencies;
  private Sample submitLatencies;
  private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

  HttpRun(Bench bench) {
    this.bench = bench;
    this.base = "http://localhost:" + bench.port;
  }

  void run() throws Exception {
    Lifecycle.atClock(this::measure);
  }

  private void measure() throws Exception {
    Options o = bench.options;
    bench.deployReference("bare-lifecycle.bpmn");
    bench.grantStart(Lifecycle.BARE_KEY);
    int n = o.httpDossiers();
    int warmUp = Math.max(20, n / 10);
    Bench.log("run 2: warm-up, %d dossiers of each", warmUp);
    latencies = new Sample();
    submitLatencies = new Sample();
    Bench.parallel(warmUp, o.threads(), this::ours);
    Bench.parallel(warmUp, o.threads(), this::bare);
    Sample ours = new Sample();
    Sample bare = new Sample();
    Sample oursP50 = new Sample();
    Sample oursP99 = new Sample();
    Sample bareP50 = new Sample();
    Sample bareP99 = new Sample();
    Sample submitP50 = new Sample();
    Sample submitP99 = new Sample();
    Sample startP50 = new Sample();
    Sample startP99 = new Sample();
    for (int r = 0; r < o.repeats(); r++) {
      boolean oursFirst = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean isOurs = (k == 0) == oursFirst;
        latencies = new Sample();
        submitLatencies = new Sample();
        double seconds = Bench.parallel(n, o.threads(), isOurs ? this::ours : this::bare);
        (isOurs ? ours : bare).add(n / seconds);
        (isOurs ? oursP50 : bareP50).add(latencies.percentile(50));
        (isOurs ? oursP99 : bareP99).add(latencies.percentile(99));
        (isOurs ? submitP50 : startP50).add(submitLatencies.percentile(50));
        (isOurs ? submitP99 : startP99).add(submitLatencies.percentile(99));
        Bench.log("run 2: repeat %d %s: %d dossiers in %.1f s = %.1f/s; p50 %.1f ms, p99 %.1f ms per request",
            r + 1, isOurs ? "ours" : "bare", n, seconds, n / seconds, latencies.percentile(50),
            latencies.percentile(99));
      }
    }
    bench.report.higherIsBetter(RUN, "dossiers/s, " + n + " dossiers × " + o.threads() + " threads", ours, bare, 1, "–");
    bench.report.lowerIsBetter(RUN, "p50 ms per request (all requests)", oursP50, bareP50, 1, "–");
    bench.report.lowerIsBetter(RUN, "p99 ms per request (all requests)", oursP99, bareP99, 1, "–");
    bench.report.lowerIsBetter(RUN, "p50 ms, online submission vs REST start", submitP50, startP50, 1, "–");
    bench.report.lowerIsBetter(RUN, "p99 ms, online submission vs REST start", submitP99, startP99, 1, "–");
    bench.report.note(RUN, "Per dossier: 1 submission (ours: POST /api/v1/public/dossiers, multipart with the JSON part "
        + "and a small PDF, with an Idempotency-Key; reference: POST /engine-rest/process-definition/key/"
        + "benchBareLifecycle/start as the one-stop clerk), then per user task GET /engine-rest/task?"
        + "processInstanceBusinessKey&taskDefinitionKey, POST …/claim when unassigned, POST …/complete, each with "
        + "HTTP Basic of the clerk. java.net.http.HttpClient (HTTP/1.1), " + o.threads() + " threads; latency is per "
        + "request, p50/p99 per measurement, then median (min–max) over the repeats. " + retries.get()
        + " steps were sent again after an HTTP 409 Conflict (OptimisticLockingException: a job of the same "
        + "dossier changed the task meanwhile; the failed request counts in the latencies).");
    bench.report.note(RUN, "Rate limit of /api/v1/public/**: raised for this run with "
        + "--onestop.online.rate-limit.capacity and --onestop.online.rate-limit.refill-per-minute (set by the "
        + "benchmark on the command line of the application it starts); the filter itself stays on and is passed "
        + "by every submission.");
  }

  private void ours(int i) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/dossiers"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .header("Accept-Language", "vi")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            OnlineSubmission.body(boundary, "Công ty TNHH Thương mại Benchmark " + i, i))).build();
    JsonNode answer = send(request, 201, true);
    drive(answer.get("dossierCode").asText());
  }

  private void bare(int i) throws Exception {
    String key = "BARE-HTTP-" + System.nanoTime() + "-" + i;
    Map<String, Object> variables = new LinkedHashMap<>();
    Lifecycle.startVariables(i).forEach((k, v) -> variables.put(k, Map.of("value", v)));
    Map<String, Object> start = Map.of("businessKey", key, "variables", variables);
    send(post("/engine-rest/process-definition/key/" + Lifecycle.BARE_KEY + "/start", "motcua", start), 200, true);
    drive(key);
  }

  private void drive(String businessKey) throws Exception {
    for (Lifecycle.Step step : Lifecycle.STEPS) {
      for (int attempt = 1; ; attempt++) {
        try {
          step(businessKey, step);
          break;
        } catch (Conflict e) {
          // a job of the same dossier (an SLA warning) changed the task meanwhile: the clerk presses again
          retries.incrementAndGet();
          if (attempt >= 5) {
            throw e;
          }
        }
      }
    }
  }

  private void step(String businessKey, Lifecycle.Step step) throws Exception {
    HttpRequest find = HttpRequest.newBuilder(URI.create(base + "/engine-rest/task?processInstanceBusinessKey="
            + java.net.URLEncoder.encode(businessKey, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + step.taskKey()))
        .header("Authorization", basic(step.user())).header("Accept", "application/json").GET().build();
    JsonNode found = send(find, 200, false);
    if (found.size() != 1) {
      throw new IllegalStateException("Expected one open task " + step.taskKey() + " of " + businessKey + ", got "
          + found);
    }
    JsonNode task = found.get(0);
    String id = task.get("id").asText();
    if (task.get("assignee").isNull()) {
      send(post("/engine-rest/task/" + id + "/claim", step.user(), Map.of("userId", step.user())), 204, false);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    step.variables().forEach((k, v) -> variables.put(k, Map.of("value", v)));
    send(post("/engine-rest/task/" + id + "/complete", step.user(), Map.of("variables", variables)), 204, false);
  }

  /** HTTP 409: the request met a concurrent change, nothing was written, and it may be sent again. */
  static final class Conflict extends IllegalStateException {
    Conflict(String message) {
      super(message);
    }
  }

  private HttpRequest post(String path, String user, Object body) throws Exception {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
  }

  private JsonNode send(HttpRequest request, int expected, boolean submission) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - start) / 1e6;
    latencies.add(ms);
    if (submission) {
      submitLatencies.add(ms);
    }
    if (response.statusCode() == 409) { // EngineRestErrors: nothing was written, send it again
      throw new Conflict(request.method() + " " + request.uri() + " met a concurrent change");
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
          + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body().length == 0 ? null : json.readTree(response.body());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Bench.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }
}
