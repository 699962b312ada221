package vn.gov.sct.onestop.outbox;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators do with the outbox: list the dead rows, send one again, list the dossiers whose last message to a
 * receiver was not accepted (the reconciliation), and the gauges {@code onestop_outbox_dead} and
 * {@code onestop_outbox_pending} for alerting.
 */
@Repository
public class OutboxOperations {

  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  public OutboxOperations(JdbcTemplate jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    Gauge.builder("onestop.outbox.dead", this, o -> o.count("DEAD"))
        .description("Outbox messages parked as dead after their last attempt; retry them from Cockpit").register(meters);
    Gauge.builder("onestop.outbox.pending", this, o -> o.count("PENDING"))
        .description("Outbox messages not yet accepted by their receiver").register(meters);
  }

  long count(String status) {
    Long n = jdbc.queryForObject("select count(*) from outbox_message where status = ?", Long.class, status);
    return n == null ? 0 : n;
  }

  public List<DeadMessage> dead() {
    return jdbc.query("""
        select id, channel, dossier_code, recipient, kind, attempts, last_error, created_at from outbox_message
        where status = 'DEAD' order by id""",
        (rs, i) -> new DeadMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("dossier_code"),
            rs.getString("recipient"), rs.getString("kind"), rs.getInt("attempts"), rs.getString("last_error"),
            instant(rs, "created_at")));
  }

  /**
   * Sends a dead row again: it becomes pending and due now, with a fresh count of attempts (the idempotency key
   * stays); the rows of its stream follow it once it is sent. False when there is no dead row with this id.
   */
  @Transactional
  public boolean retry(long id) {
    return jdbc.update("update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
        + "lease_until = null where id = ? and status = 'DEAD'", at(clock.instant()), id) == 1;
  }

  /** Per dossier and channel, the last message when it is not sent: what the receiver does not know yet. */
  public List<UnacknowledgedDossier> unacknowledged(OutboxChannel channel) {
    return jdbc.query("""
        select o.dossier_code, o.channel, o.kind, o.status, o.attempts, o.last_error, o.created_at
        from outbox_message o
        where o.channel = ? and o.status <> 'SENT' and o.dossier_code is not null
          and o.id = (select max(x.id) from outbox_message x where x.channel = o.channel and x.dossier_code = o.dossier_code)
        order by o.dossier_code""",
        (rs, i) -> new UnacknowledgedDossier(rs.getString("dossier_code"), rs.getString("channel"),
            rs.getString("kind"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
            instant(rs, "created_at")), channel.name());
  }
}
