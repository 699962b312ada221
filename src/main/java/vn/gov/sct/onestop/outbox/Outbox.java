package vn.gov.sct.onestop.outbox;

import static vn.gov.sct.onestop.SqlTimestamps.at;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes outbox rows, always inside the caller's transaction (the engine's): a step that rolls back leaves no
 * row, so nothing is ever sent for it. After the commit the dispatcher is woken ({@link Written}), on this node;
 * the other nodes find the rows on their next poll.
 */
@Repository
public class Outbox {

  /** Published once per row; the dispatcher listens after the commit. */
  public record Written(long id) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  public Outbox(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  /**
   * Adds a message for the recipient. Messages of one channel, recipient and dossier go out in the order they were
   * added; those of other dossiers or recipients do not wait for them.
   */
  public void add(OutboxChannel channel, String dossierCode, String recipient, String kind,
      Map<String, Object> payload) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      // a row written outside the step's transaction could be sent for a step that then fails
      throw new IllegalStateException("An outbox row must be written inside the engine's transaction");
    }
    String body;
    try {
      body = json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Outbox payload of " + kind + " is not serialisable", e);
    }
    OffsetDateTime now = at(clock.instant());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          insert into outbox_message (idempotency_key, channel, stream, dossier_code, recipient, kind, payload, status,
              attempts, next_attempt_at, created_at)
          values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""", new String[] {"id"});
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, channel.name());
      insert.setString(3, stream(channel, recipient, dossierCode));
      insert.setString(4, dossierCode);
      insert.setString(5, recipient);
      insert.setString(6, kind);
      insert.setString(7, body);
      insert.setObject(8, now);
      insert.setObject(9, now);
      return insert;
    }, key);
    long id = key.getKey().longValue();
    events.publishEvent(new Written(id));
  }

  static String stream(OutboxChannel channel, String recipient, String dossierCode) {
    return channel + "|" + recipient + "|" + (dossierCode == null ? "" : dossierCode);
  }
}
