package vn.gov.sct.onestop.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario 7: the citizen API's rate limit (production settings: a burst of 30 requests per client address, 30 more
 * per minute) holds across the nodes, because its buckets live in PostgreSQL (Bucket4j); and a flood of addresses
 * adds rows that expire, not memory in the nodes.
 */
final class RateLimitScenario {

  static final int REQUESTS = 90;
  static final int FLOOD = 300;
  static final int CAPACITY = 30;
  static final int REFILL_PER_MINUTE = 30;
  private final ClusterMain cluster;

  RateLimitScenario(ClusterMain cluster) {
    this.cluster = cluster;
  }

  void run() throws Exception {
    Reliability.Section s = cluster.report.section("7. Rate limit shared by the nodes", String.format("One client "
        + "address sends %d requests to `GET /api/v1/public/procedures`, one after the other, alternating between "
        + "node-1 and node-2 (settings as in production: burst %d, %d per minute, buckets in PostgreSQL through "
        + "Bucket4j, `store: database`); with a map per node the two nodes together would allow twice the burst. "
        + "Then %d requests from %d different addresses (a flood of addresses).", REQUESTS, CAPACITY,
        REFILL_PER_MINUTE, FLOOD, FLOOD));
    Node one = cluster.node(1);
    Node two = cluster.node(2);
    cluster.ensureRunning(List.of(one, two));
    Tally tally = new Tally();
    Office office = new Office(List.of(one, two), tally, "L");
    Map<String, Integer> allowed = new TreeMap<>();
    Map<String, Integer> refused = new TreeMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      Node node = i % 2 == 0 ? one : two;
      Office.Answer answer = office.sendTo(node, base -> procedures(base, "203.0.113.7"), 200);
      (answer.ok() ? allowed : refused).merge(node.name, 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int ok = allowed.values().stream().mapToInt(Integer::intValue).sum();
    double bound = CAPACITY + REFILL_PER_MINUTE * seconds / 60 + 1;
    Integer before = cluster.database.jdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class);
    int floodOk = 0;
    for (int i = 0; i < FLOOD; i++) {
      String address = "203.0." + (114 + i / 250) + "." + (i % 250 + 1);
      floodOk += office.send(base -> procedures(base, address), 200).ok() ? 1 : 0;
    }
    Map<String, Object> rows = cluster.database.jdbc.queryForMap("select count(*) as n, min(expires_at) as first, "
        + "max(expires_at) as last from rate_limit_bucket");
    long rowsAfter = ((Number) rows.get("n")).longValue();
    double expiresIn = (((Number) rows.get("last")).longValue() - System.currentTimeMillis()) / 1000.0;
    s.figure("one address: allowed / refused (429) per node", "allowed " + allowed + ", refused " + refused
        + String.format(" in %.1f s", seconds));
    s.figure("one address: allowed in all", String.format("%d (the shared limit allows at most %.0f in that time; "
        + "a bucket per node would have allowed %d)", ok, Math.floor(bound), 2 * CAPACITY));
    s.figure("flood: requests from distinct addresses allowed", floodOk + " of " + FLOOD);
    s.figure("rate_limit_bucket rows before / after the flood", before + " / " + rowsAfter + String.format(
        " (the last expires %.0f s later and is then deleted by the nodes' cleaning, once a minute)", expiresIn));
    s.figure("requests", tally.describe());
    s.expect(ok >= CAPACITY && ok <= bound, "the two nodes together allowed one burst plus its refill, not two");
    s.expect(refused.getOrDefault("node-1", 0) > 0 && refused.getOrDefault("node-2", 0) > 0,
        "both nodes refused the client once the shared bucket was empty");
    s.expect(floodOk == FLOOD, "other addresses were not limited by the first one");
    s.expect(rowsAfter >= FLOOD && expiresIn > 0 && expiresIn < 180, "a flood of addresses leaves rows that expire");
    s.verdict = "passed";
  }

  private static HttpRequest procedures(String base, String address) {
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/public/procedures")).timeout(Duration.ofSeconds(30))
        .header("X-Forwarded-For", address).header("Accept", "application/json").GET().build();
  }
}
