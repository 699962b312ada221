package vn.gov.sct.onestop.outbox;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's rows; one on every node. A round claims due rows in a short transaction of its own
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease written on them), sends them outside any transaction, and settles
 * each in another short transaction: sent, or failed with the next attempt after an exponential backoff, or dead
 * after {@code max-attempts} failures. Only the head of a stream is due (no earlier row of the same channel,
 * recipient and dossier still unsent, dead included), so a stream's messages go out one after the other and a
 * failing receiver holds that dossier's later messages and no other dossier's.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  // The heads of the streams: pending, due, not leased, nothing earlier of the same stream unsent.
  private static final String CLAIM = """
      select id from outbox_message o
      where o.status = 'PENDING' and o.next_attempt_at <= ? and (o.lease_until is null or o.lease_until < ?)
        and not exists (select 1 from outbox_message p where p.stream = o.stream and p.id < o.id and p.status <> 'SENT')
      order by o.id
      fetch first %d rows only
      for update skip locked""";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final OutboxProperties properties;
  private final Map<OutboxChannel, MessageSender> senders = new EnumMap<>(OutboxChannel.class);
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();
  /** This dispatcher's claims ({@code leased_by}, kept on a sent row: who sent it); unique per JVM by the UUID. */
  private final String node;
  private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "outbox-dispatcher");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  /** Set when the application starts to shut down: no further row is claimed, claimed ones are handed back. */
  private final AtomicBoolean stopping = new AtomicBoolean();

  public OutboxDispatcher(JdbcTemplate jdbc, ObjectMapper json, OutboxProperties properties,
      List<MessageSender> senders, PlatformTransactionManager transactions,
      @Value("${camunda.bpm.generic-properties.properties.hostname:}") String nodeName) {
    this.jdbc = jdbc;
    // the engine's host name when one is configured, so the outbox and the job log name a node alike
    String name = nodeName == null || nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
    this.node = (name.length() > 60 ? name.substring(0, 60) : name) + "/" + UUID.randomUUID();
    this.json = json;
    this.properties = properties;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** After a commit that wrote rows: one round on this node soon, without holding up the committing thread. */
  @TransactionalEventListener
  public void written(Outbox.Written event) {
    if (properties.autoDispatch() && wakeUpPending.compareAndSet(false, true)) {
      wakeUps.execute(() -> {
        wakeUpPending.set(false);
        dispatchQuietly();
      });
    }
  }

  @Scheduled(fixedDelayString = "${onestop.outbox.poll-interval:PT10S}",
      initialDelayString = "${onestop.outbox.poll-interval:PT10S}")
  public void poll() {
    if (properties.autoDispatch()) {
      dispatchQuietly();
    }
  }

  private void dispatchQuietly() {
    try {
      dispatchDue();
    } catch (RuntimeException e) {
      LOG.warn("Outbox round failed; the rows stay for the next one: {}", e.toString());
    }
  }

  /**
   * The node is stopping (SIGTERM, a rolling restart): the round in progress ends after the row being sent. Without
   * this a busy node kept sending for as long as rows came in, and Spring waited the whole shutdown phase (30 s) for
   * the scheduled round before stopping the web server.
   */
  @EventListener
  public void stop(ContextClosedEvent event) {
    if (event.getApplicationContext().getParent() == null) {
      stopping.set(true);
    }
  }

  /**
   * Rounds until no row is due or the node stops: returns the number of deliveries tried (sent or failed). Safe to
   * run on several nodes and threads at once.
   */
  public int dispatchDue() {
    int tried = 0;
    while (!stopping.get()) {
      List<OutboxMessage> claimed = claim();
      if (claimed.isEmpty()) {
        return tried;
      }
      for (int i = 0; i < claimed.size(); i++) {
        if (stopping.get()) {
          release(claimed.subList(i, claimed.size()));
          return tried;
        }
        deliver(claimed.get(i));
        tried++;
      }
    }
    return tried;
  }

  /** Claimed rows not sent: their lease ends now, so another node takes them at its next round. */
  private void release(List<OutboxMessage> rows) {
    transaction.executeWithoutResult(status -> jdbc.batchUpdate(
        "update outbox_message set lease_until = null where id = ? and leased_by = ? and status = 'PENDING'",
        rows.stream().map(row -> new Object[] {row.id(), node}).toList()));
    LOG.info("Node stopping: {} claimed outbox rows handed back unsent", rows.size());
  }

  private List<OutboxMessage> claim() {
    return transaction.execute(status -> {
      Instant now = clock.instant();
      List<Long> ids = jdbc.queryForList(CLAIM.formatted(properties.batchSize()), Long.class, at(now), at(now));
      if (ids.isEmpty()) {
        return List.of();
      }
      Instant leaseUntil = now.plus(properties.lease());
      jdbc.batchUpdate("update outbox_message set lease_until = ?, leased_by = ? where id = ?",
          ids.stream().map(id -> new Object[] {at(leaseUntil), node, id}).toList());
      return ids.stream().map(this::load).toList();
    });
  }

  private OutboxMessage load(long id) {
    return jdbc.queryForObject("select * from outbox_message where id = ?", (rs, i) -> {
      Map<String, Object> payload;
      try {
        payload = json.readValue(rs.getString("payload"), PAYLOAD);
      } catch (Exception e) {
        throw new IllegalStateException("Outbox row " + id + " has an unreadable payload", e);
      }
      return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"),
          OutboxChannel.valueOf(rs.getString("channel")), rs.getString("dossier_code"), rs.getString("recipient"),
          rs.getString("kind"), payload, rs.getInt("attempts"), instant(rs, "created_at"));
    }, id);
  }

  private void deliver(OutboxMessage message) {
    MessageSender sender = senders.get(message.channel());
    try {
      if (sender == null) {
        throw new IllegalStateException("No sender for channel " + message.channel());
      }
      sender.send(message);
    } catch (Exception e) {
      failed(message, e);
      return;
    }
    Integer settled = transaction.execute(status -> jdbc.update("update outbox_message set status = 'SENT', "
        + "attempts = attempts + 1, sent_at = ?, lease_until = null, last_error = null where id = ? and leased_by = ?",
        at(clock.instant()), message.id(), node));
    if (settled == null || settled == 0) {
      // the send outlasted the lease and another node claimed the row: the receiver gets it twice (same key)
      LOG.warn("Outbox message {} ({} {} of dossier {}) was accepted after this node's lease had passed to another "
          + "node; it may arrive twice with key {}", message.id(), message.channel(), message.kind(),
          message.dossierCode(), message.idempotencyKey());
    }
  }

  private void failed(OutboxMessage message, Exception e) {
    int failures = message.attempts() + 1;
    boolean dead = failures >= properties.maxAttempts();
    String error = String.valueOf(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    error = error.length() > 2000 ? error.substring(0, 2000) : error;
    Instant next = clock.instant().plus(properties.backoff(failures));
    String finalError = error;
    transaction.executeWithoutResult(status -> jdbc.update("update outbox_message set status = ?, attempts = ?, "
            + "next_attempt_at = ?, lease_until = null, last_error = ? where id = ? and leased_by = ?",
        dead ? "DEAD" : "PENDING", failures, at(next), finalError, message.id(), node));
    if (dead) {
      LOG.warn("Outbox message {} ({} {} of dossier {}) is dead after {} attempts: {}", message.id(),
          message.channel(), message.kind(), message.dossierCode(), failures, error);
    } else {
      LOG.info("Outbox message {} ({} {}) failed, attempt {}; next at {}: {}", message.id(), message.channel(),
          message.kind(), failures, next, error);
    }
  }

  @Override
  public void destroy() {
    wakeUps.shutdownNow();
  }
}
