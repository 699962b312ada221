package vn.gov.sct.onestop.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;

/**
 * Scenario 8 (issue 16): both nodes dispatch their outbox to ONE real receiver, a WireMock server in the harness's JVM
 * standing for the portal. Applicants and clerks work on both nodes; the receiver fails for a while (HTTP 500, then
 * connections reset) and recovers; node-2 is killed with {@code kill -9} while it holds claimed rows. The receiver's
 * own request journal then says what arrived: every outbox row's idempotency key acknowledged (2xx) once, a second
 * time only for a row the killed node had claimed, in order per dossier, nothing lost, both nodes sending.
 */
final class OutboxScenario {

  static final String PATH = "/dvcqg/dongbo";
  static final String TOKEN = "cluster-portal-token";
  /** Each acknowledgement takes this long, so a node is often mid-send (and a kill can land between send and ack). */
  static final int ANSWER_MILLIS = 100;
  static final long OUTAGE_MILLIS = 16_000;
  private static final String OK_BODY = "{\"error_code\":\"0\",\"message\":\"ok\"}";

  private final ClusterMain cluster;

  OutboxScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  /** The receiver, on a free port of the loopback interface; started before the nodes, which are given its url. */
  static WireMockServer receiver() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    accept(server);
    return server;
  }

  private static StubMapping accept(WireMockServer server) {
    return server.stubFor(post(PATH).atPriority(10).withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .willReturn(okJson(OK_BODY).withFixedDelay(ANSWER_MILLIS)));
  }

  /**
   * Both nodes' portal sync pointed at the receiver. The outbox's timings are shortened so that a run lasts minutes
   * (production: poll 10 s, backoff 30 s doubling to 2 h, lease 2 min, timeout 20 s; application.yaml).
   */
  static List<String> nodeArguments(WireMockServer server) {
    return List.of(
        "--onestop.portal.url=" + server.baseUrl() + PATH,
        "--onestop.portal.token=" + TOKEN,
        "--onestop.portal.timeout=PT5S",
        "--onestop.outbox.poll-interval=PT2S",
        "--onestop.outbox.backoff-base=PT1S",
        "--onestop.outbox.backoff-max=PT4S",
        "--onestop.outbox.lease=PT20S",
        // a node that has just sent a dossier's row takes its next one in the same loop; small batches leave the
        // other streams' heads to the other node (production: 50 rows per round)
        "--onestop.outbox.batch-size=2",
        // each failed delivery and each late acknowledgement in the node's log (target/cluster/node-*.log)
        "--logging.level.vn.gov.sct.onestop.outbox=INFO");
  }

  /** Samples the outbox's live leases while the scenario runs: which node claimed which row. */
  private static final class Claims {
    private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread sampler;
    private volatile boolean running = true;

    Claims(org.springframework.jdbc.core.JdbcTemplate jdbc) {
      sampler = new Thread(() -> {
        while (running) {
          try {
            jdbc.query("select id, leased_by from outbox_message where channel = 'PORTAL' and status = 'PENDING' "
                + "and lease_until > now()", rs -> {
                  String by = rs.getString(2);
                  seen.add(rs.getLong(1) + " " + by.substring(0, Math.max(0, by.indexOf('/'))));
                });
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          } catch (RuntimeException e) {
            // a sample lost; the next one comes 50 ms later
          }
        }
      }, "outbox-claims");
      sampler.setDaemon(true);
      sampler.start();
    }

    Map<String, Integer> stop() throws InterruptedException {
      running = false;
      sampler.join(5000);
      Map<String, Integer> byNode = new TreeMap<>();
      seen.forEach(claim -> byNode.merge(claim.substring(claim.indexOf(' ') + 1), 1, Integer::sum));
      return byNode;
    }
  }

  void run() throws Exception {
    int threads = cluster.threads();
    WireMockServer receiver = cluster.portal;
    Reliability.Section s = cluster.report.section("8. Outbox: two nodes, one receiver", String.format("Both nodes "
        + "sync every dossier's status and handoffs to ONE receiver, a WireMock server in the harness's JVM (it "
        + "answers 2xx with `error_code` 0 after %d ms, when the bearer token matches). %d applicants-and-clerks work "
        + "on both nodes as in scenario 2. After 20 s the receiver fails for %d s (HTTP 500, then connections reset "
        + "by peer), then recovers; while the nodes drain the backlog, node-2 is killed with `kill -9` at a moment it "
        + "holds claimed (leased) rows; the load goes on for 15 s on node-1, node-2 is started again, and the harness "
        + "waits until every row of the scenario's dossiers is sent. Then the receiver's request journal is compared "
        + "with the `outbox_message` table. Outbox timings shortened for the run: poll 2 s, backoff 1 s doubling to "
        + "4 s, lease 20 s, portal timeout 5 s, 2 rows per round (production: 10 s, 30 s to 2 h, 2 min, 20 s, 50).",
        ANSWER_MILLIS,
        threads, OUTAGE_MILLIS / 1000));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Office office = new Office(List.of(one, two), new Tally(), "O");
    Claims claims = new Claims(cluster.database.jdbc);
    Load load = new Load(office, threads);
    Thread.sleep(20_000);

    ClusterMain.log("receiver fails for %d s", OUTAGE_MILLIS / 1000);
    StubMapping error = receiver.stubFor(post(PATH).atPriority(1).willReturn(serverError()));
    Thread.sleep(OUTAGE_MILLIS / 2);
    receiver.removeStub(error);
    StubMapping reset = receiver.stubFor(post(PATH).atPriority(1)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Thread.sleep(OUTAGE_MILLIS / 2);
    receiver.removeStub(reset);
    long recovered = System.nanoTime();
    ClusterMain.log("receiver up again");

    // kill node-2 while it holds claims: mid-dispatch, with rows leased and possibly one in flight
    List<Long> claimedAtKill = List.of();
    long waitUntil = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < waitUntil) {
      claimedAtKill = cluster.database.jdbc.queryForList("select id from outbox_message where status = 'PENDING' "
          + "and lease_until > now() and leased_by like ?", Long.class, two.name + "/%");
      if (!claimedAtKill.isEmpty()) {
        break;
      }
      Thread.sleep(10);
    }
    two.kill();
    long killedAt = System.nanoTime();
    ClusterMain.log("killed node-2 holding %d claimed outbox rows", claimedAtKill.size());
    Thread.sleep(15_000);
    load.stop();
    FutureTask<Double> restart = new FutureTask<>(two::start);
    new Thread(restart, "restart-node-2").start();

    Set<String> codes = new HashSet<>(load.submitted);
    String in = NodeKillScenario.in(codes);
    long drainUntil = System.nanoTime() + 240_000_000_000L;
    int unsent = Integer.MAX_VALUE;
    while (System.nanoTime() < drainUntil) {
      unsent = cluster.database.jdbc.queryForObject("select count(*) from outbox_message where channel = 'PORTAL' "
          + "and status <> 'SENT' and dossier_code in (" + in + ")", Integer.class);
      if (unsent == 0) {
        break;
      }
      Thread.sleep(500);
    }
    long drained = System.nanoTime();
    Map<String, Integer> claimedByNode = claims.stop();
    double restartSeconds = restart.get();

    // the table: every portal row of the scenario's dossiers
    record Row(long id, String key, String code, String status, String sentBy, int attempts) {}
    List<Row> rows = cluster.database.jdbc.query("select id, idempotency_key, dossier_code, status, leased_by, "
        + "attempts from outbox_message where channel = 'PORTAL' and dossier_code in (" + in + ") order by id",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6)));
    Map<String, Row> byKey = new HashMap<>();
    rows.forEach(r -> byKey.put(r.key(), r));
    Set<String> allKeys = new HashSet<>(cluster.database.jdbc.queryForList(
        "select idempotency_key from outbox_message where channel = 'PORTAL'", String.class));

    // the receiver's journal, oldest first (it lists the newest first)
    List<ServeEvent> journal = new ArrayList<>(receiver.getAllServeEvents());
    java.util.Collections.reverse(journal);
    journal.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
    Map<String, Integer> acks = new HashMap<>();
    Map<String, Integer> requests = new HashMap<>();
    Map<String, Long> firstAck = new HashMap<>();
    Map<String, List<String>> arrivalsOf = new HashMap<>();
    int failed = 0;
    int unknownKeys = 0;
    int refusedToken = 0;
    int step = 0;
    for (ServeEvent event : journal) {
      step++;
      String key = event.getRequest().getHeader("Idempotency-Key");
      if (key == null || !allKeys.contains(key)) {
        unknownKeys++;
        continue;
      }
      boolean ack = event.getResponseDefinition().getFault() == null && event.getResponse().getStatus() / 100 == 2;
      if (event.getResponse().getStatus() == 404) {
        refusedToken++; // no stub matched: the bearer token was missing or wrong
      }
      if (!byKey.containsKey(key)) {
        continue; // another scenario's dossier
      }
      requests.merge(key, 1, Integer::sum);
      arrivalsOf.computeIfAbsent(byKey.get(key).code(), c -> new ArrayList<>()).add(key);
      if (ack) {
        acks.merge(key, 1, Integer::sum);
        firstAck.putIfAbsent(key, (long) step);
      } else {
        failed++;
      }
    }

    // for a post-mortem: what the receiver got, beside the table's rows
    StringBuilder csv = new StringBuilder("logged_at,idempotency_key,row_id,dossier_code,status,fault\n");
    for (ServeEvent event : journal) {
      String key = event.getRequest().getHeader("Idempotency-Key");
      Row row = byKey.get(key);
      csv.append(event.getRequest().getLoggedDate().toInstant()).append(',').append(key).append(',')
          .append(row == null ? "" : row.id()).append(',').append(row == null ? "" : row.code()).append(',')
          .append(event.getResponse().getStatus()).append(',')
          .append(event.getResponseDefinition().getFault() == null ? "" : event.getResponseDefinition().getFault())
          .append('\n');
    }
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "cluster", "outbox-journal.csv"), csv);

    int once = 0;
    int lost = 0;
    List<String> duplicates = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    Set<Long> claimed = new HashSet<>(claimedAtKill);
    for (Row row : rows) {
      int n = acks.getOrDefault(row.key(), 0);
      if (n == 1) {
        once++;
      } else if (n == 0) {
        lost++;
      } else {
        duplicates.add(row.code() + " row " + row.id() + " ×" + n);
        if (!claimed.contains(row.id())) {
          unexplained.add(row.code() + " row " + row.id() + " ×" + n);
        }
      }
    }

    // in order per dossier: every request of a row comes after the first acknowledgement of each earlier row
    List<String> outOfOrder = new ArrayList<>();
    Map<String, List<Row>> rowsOf = new TreeMap<>();
    rows.forEach(r -> rowsOf.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
    step = 0;
    Map<String, Long> lastFirstAck = new HashMap<>();
    for (ServeEvent event : journal) {
      step++;
      Row row = byKey.get(event.getRequest().getHeader("Idempotency-Key"));
      if (row == null) {
        continue;
      }
      for (Row earlier : rowsOf.get(row.code())) {
        if (earlier.id() >= row.id()) {
          break;
        }
        Long acked = firstAck.get(earlier.key());
        if (acked == null || acked > step) {
          outOfOrder.add(row.code() + ": row " + row.id() + " sent before row " + earlier.id() + " was acknowledged");
          break;
        }
      }
    }

    Map<String, Integer> sentByNode = new TreeMap<>();
    rows.stream().filter(r -> "SENT".equals(r.status())).forEach(r -> sentByNode.merge(
        r.sentBy() == null ? "?" : r.sentBy().substring(0, r.sentBy().indexOf('/') < 0 ? r.sentBy().length()
            : r.sentBy().indexOf('/')), 1, Integer::sum));
    long retried = rows.stream().filter(r -> r.attempts() > 1).count();

    // the reconciliation, as an operator asks it (managers only): none of the scenario's dossiers may be listed
    Office operator = new Office(List.of(one), new Tally(), "O-operator");
    Office.Answer listed = operator.send(base -> operator.get(base + "/api/v1/outbox/unacknowledged?channel="
        + URLEncoder.encode("PORTAL", StandardCharsets.UTF_8), "quanly"), 200);
    int listedOfScenario = 0;
    if (listed.ok()) {
      for (JsonNode item : operator.json().readTree(listed.body())) {
        if (codes.contains(item.get("dossierCode").asText())) {
          listedOfScenario++;
        }
      }
    }

    // every dossier that went through all six tasks wrote the same number of portal rows (nothing missing)
    Map<Integer, Integer> rowsPerFinished = new TreeMap<>();
    for (String code : load.finished) {
      rowsPerFinished.merge(rowsOf.getOrDefault(code, List.of()).size(), 1, Integer::sum);
    }
    Checks.Dossiers dossiers = cluster.checks.dossiers(codes);
    Tally tally = office.tally();

    s.figure("load", String.format("%d dossiers submitted, %d moved through all six tasks", codes.size(),
        load.finished.size()));
    s.figure("requests (applicants and clerks)", tally.describe());
    s.figure("unclean failures (500, 401, hang, wrong answer)", String.valueOf(tally.unclean())
        + (tally.unclean() > 0 ? " " + tally.uncleanExamples() : ""));
    s.figure("dossiers checked", String.format("%d: %d inconsistent", dossiers.checked(), dossiers.problems().size()));
    s.figure("portal rows of the scenario's dossiers (outbox_message)", String.valueOf(rows.size()));
    s.figure("portal rows per dossier that went through all six tasks", rowsPerFinished + " (rows → dossiers)");
    s.figure("requests the receiver got for them", String.format("%d: %d acknowledged (2xx), %d failed (500 or "
        + "connection reset during the outage)", requests.values().stream().mapToInt(Integer::intValue).sum(),
        acks.values().stream().mapToInt(Integer::intValue).sum(), failed));
    s.figure("rows retried after a failure (attempts > 1)", String.valueOf(retried));
    s.figure("rows acknowledged exactly once / more than once / never", once + " / " + duplicates.size() + " / "
        + lost);
    s.figure("rows acknowledged more than once", duplicates.isEmpty() ? "none" : duplicates + " (all claimed by "
        + "node-2 when it was killed: sent, but the kill came before its acknowledgement was written)");
    s.figure("node-2's claimed rows at the kill", String.valueOf(claimedAtKill.size()));
    s.figure("requests out of order within a dossier", String.valueOf(outOfOrder.size()));
    s.figure("rows sent per node (leased_by of the sent row)", sentByNode.toString());
    s.figure("rows seen claimed per node (leases sampled every 50 ms, all dossiers)", claimedByNode.toString());
    s.figure("rows not sent at the end / listed by the reconciliation", (unsent == Integer.MAX_VALUE ? "?" : unsent)
        + " / " + listedOfScenario);
    s.figure("backlog drained", String.format("%.1f s after the receiver recovered, %.1f s after the kill",
        (drained - recovered) / 1e9, (drained - killedAt) / 1e9));
    s.figure("requests with a key that is no outbox row / without the token", unknownKeys + " / " + refusedToken);
    s.figure("node-2 started again, healthy after", ClusterMain.seconds(restartSeconds));
    s.expect(tally.unclean() == 0, "every request of applicants and clerks succeeded or failed cleanly");
    s.expect(load.failures.isEmpty(), "every dossier's steps could be done: " + load.failures);
    s.expect(dossiers.problems().isEmpty(), "every dossier consistent: " + dossiers.problems());
    s.expect(!rows.isEmpty() && lost == 0 && unsent == 0, "every portal row sent and acknowledged by the receiver");
    s.expect(unexplained.isEmpty(), "a row acknowledged twice only if the killed node had claimed it: " + unexplained);
    s.expect(outOfOrder.isEmpty(), "in order per dossier: " + outOfOrder.stream().limit(5).toList());
    s.expect(sentByNode.keySet().containsAll(List.of(one.name, two.name)), "both nodes sent rows: " + sentByNode);
    s.expect(!claimedAtKill.isEmpty(), "node-2 held claimed rows when it was killed (so the lease expiry was "
        + "exercised)");
    s.expect(failed > 0, "the receiver's outage failed some deliveries (so retries were exercised)");
    s.expect(listed.ok() && listedOfScenario == 0, "the reconciliation lists none of the scenario's dossiers");
    s.expect(rowsPerFinished.size() == 1, "every finished dossier wrote the same number of portal rows");
    s.expect(unknownKeys == 0 && refusedToken == 0, "the receiver got only outbox rows' keys, with the token");
    s.verdict = "passed";
  }
}
