package vn.gov.sct.onestop.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.gov.sct.onestop.OutboxTestSupport;

/**
 * Two nodes on one database: the application's dispatcher and a second one with its own connection pool, each
 * with two threads, send the same backlog at once. Every message arrives exactly once (one request per
 * idempotency key) and each dossier's messages in order. On PostgreSQL this is the cluster's case (row locks,
 * {@code SKIP LOCKED}); on H2 the same SQL runs in one process.
 */
class TwoNodesDispatchTest extends OutboxTestSupport {

  private static final int DOSSIERS = 15;

  @Autowired HikariDataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired OutboxProperties properties;
  @Autowired List<MessageSender> senders;
  @Autowired ApplicationContext context;

  private HikariDataSource pool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(dataSource.getJdbcUrl());
    pool.setUsername(dataSource.getUsername());
    pool.setPassword(dataSource.getPassword());
    pool.setMaximumPoolSize(2);
    return pool;
  }

  private int poll(OutboxDispatcher node, List<String> codes) throws InterruptedException {
    int tried = 0;
    long until = System.nanoTime() + 60_000_000_000L;
    while (pending(codes) > 0 && System.nanoTime() < until) {
      tried += node.dispatchDue();
      Thread.sleep(5);
    }
    return tried;
  }

  private int pending(List<String> codes) {
    return jdbc.queryForObject("select count(*) from outbox_message where status <> 'SENT' and dossier_code in ("
        + codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(",")) + ")", Integer.class);
  }

  @Test
  void twoNodesSendEveryMessageOnceAndInOrderPerDossier() throws Exception {
    // a slow receiver, so that the nodes' rounds overlap
    StubMapping slow = PORTAL.stubFor(post("/dvcqg/dongbo").atPriority(5)
        .willReturn(okJson("{\"error_code\":\"0\"}").withFixedDelay(15)));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < DOSSIERS; i++) {
      String code = submit("promotionRegistration", at("2026-03-12T09:00").plusSeconds(i));
      complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
      codes.add(code);
    }
    Integer rows = jdbc.queryForObject("select count(*) from outbox_message where channel = 'PORTAL' and status = "
        + "'PENDING' and dossier_code in (" + codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","))
        + ")", Integer.class);

    // small batches, so that each round leaves work for the other node
    OutboxProperties node = new OutboxProperties(false, properties.pollInterval(), 3, properties.maxAttempts(),
        properties.backoffBase(), properties.backoffMax(), properties.lease());
    try (HikariDataSource poolA = pool(); HikariDataSource poolB = pool()) {
      OutboxDispatcher nodeA = new OutboxDispatcher(new JdbcTemplate(poolA), json, node, senders,
          new DataSourceTransactionManager(poolA), "node-a");
      OutboxDispatcher nodeB = new OutboxDispatcher(new JdbcTemplate(poolB), json, node, senders,
          new DataSourceTransactionManager(poolB), "node-b");
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        // each thread polls as a node's scheduler does, until the backlog is gone
        List<Callable<Integer>> work = List.of(() -> poll(nodeA, codes), () -> poll(nodeA, codes),
            () -> poll(nodeB, codes), () -> poll(nodeB, codes));
        int tried = 0;
        for (Future<Integer> done : threads.invokeAll(work)) {
          tried += done.get();
        }
        // at least this backlog; the shared test database may hold other tests' rows, which the nodes send too
        assertThat(tried).isGreaterThanOrEqualTo(rows);
      } finally {
        threads.shutdownNow();
        nodeA.destroy();
        nodeB.destroy();
      }
    } finally {
      PORTAL.removeStub(slow);
    }

    List<LoggedRequest> received = new ArrayList<>();
    for (String code : codes) {
      List<LoggedRequest> ofDossier = PORTAL.findAll(postRequestedFor(urlEqualTo("/dvcqg/dongbo"))
          .withRequestBody(containing("\"" + code + "\"")));
      List<String> statuses = new ArrayList<>();
      for (LoggedRequest r : ofDossier) {
        var body = json.readTree(r.getBodyAsString());
        if (body.get("service").asText().equals("DongBoHoSoMC")) {
          statuses.add(body.get("data").get(0).get("TrangThaiHoSo").asText());
        }
      }
      assertThat(statuses).as("statuses of %s in arrival order", code).containsExactly("1", "2", "4");
      received.addAll(ofDossier);
    }
    Map<String, Long> perKey = received.stream()
        .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
    assertThat(received).hasSize(rows);
    assertThat(perKey).hasSize(rows).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(jdbc.queryForObject("select count(distinct leased_by) from outbox_message where dossier_code in ("
        + codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(",")) + ")", Integer.class))
        .as("rows sent by each node").isEqualTo(2);
  }

  @Test
  void aStoppingNodeFinishesTheRowInFlightAndHandsTheOthersBack() throws Exception {
    // what earlier tests left due is sent (or given up) first, so the round below claims this test's rows
    dispatchWithRetries(8);
    StubMapping slow = PORTAL.stubFor(post("/dvcqg/dongbo").atPriority(5)
        .willReturn(okJson("{\"error_code\":\"0\"}").withFixedDelay(1500)));
    // four dossiers: four portal streams, all in the node's one claim
    for (int i = 0; i < 4; i++) {
      String code = submit("promotionRegistration", at("2026-03-13T09:00").plusSeconds(i));
      complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    }
    OutboxProperties oneClaim = new OutboxProperties(false, properties.pollInterval(), 50,
        properties.maxAttempts(), properties.backoffBase(), properties.backoffMax(), properties.lease());
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (HikariDataSource pool = pool()) {
      OutboxDispatcher node = new OutboxDispatcher(new JdbcTemplate(pool), json, oneClaim, senders,
          new DataSourceTransactionManager(pool), "node-stopping");
      try {
        PORTAL.resetRequests();
        Future<Integer> round = thread.submit(node::dispatchDue);
        // a portal row is at the slow receiver (the journal has it on arrival) when the node is told to stop
        long until = System.nanoTime() + 30_000_000_000L;
        while (PORTAL.findAll(postRequestedFor(urlEqualTo("/dvcqg/dongbo"))).isEmpty() && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        node.stop(new ContextClosedEvent(context));
        round.get();
      } finally {
        node.destroy();
      }
    } finally {
      thread.shutdownNow();
      PORTAL.removeStub(slow);
    }
    assertThat(PORTAL.findAll(postRequestedFor(urlEqualTo("/dvcqg/dongbo"))))
        .as("portal requests of the stopping round: the one in flight, none after the stop").hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where leased_by like 'node-stopping/%' "
        + "and status = 'PENDING' and lease_until is not null", Integer.class))
        .as("rows still leased to the stopped node").isZero();
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where leased_by like 'node-stopping/%' "
        + "and status = 'PENDING' and channel = 'PORTAL'", Integer.class))
        .as("the other dossiers' portal rows, handed back unsent").isGreaterThanOrEqualTo(3);
  }
}
