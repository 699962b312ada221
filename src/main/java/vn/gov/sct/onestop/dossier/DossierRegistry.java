package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * Sổ theo dõi hồ sơ: the registry table. Called from delegates and listeners, so every write joins the
 * engine's transaction and disappears with it when a step rolls back. Every status change is also written to
 * {@code dossier_status_change} (the status history the period report reads). What happened is published as
 * {@link DossierEvent}s inside the transaction, and the floors above listen (statistics, metrics, the outbox); the
 * registry calls none of them. A change that can move a figure of the period report is tracked: the dossier's facts
 * are read (row locked) before and after it and published together ({@link DossierEvent.FactsChanged}).
 *
 * <p>Within one transaction the row a listener reads ({@link #find}, {@link #contactPreferences}) is read once and
 * kept until the registry writes to that dossier: a step's status change is heard by several listeners (the
 * applicant's notification, the portal sync, the staff notifications), and each used to read the same row again;
 * the facts after a tracked change come from the same kept row. Every write here forgets it, and only this class
 * writes the table, so a read never answers an older row than the transaction's own last write. Nothing is kept
 * beyond the transaction.
 */
@Repository
public class DossierRegistry {

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;

  /** Key of this registry's per-transaction rows among the transaction's resources. */
  private final Object readsKey = new Object();

  public DossierRegistry(JdbcTemplate jdbc, WorkingCalendar calendar, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.events = events;
  }

  /**
   * Not tracked: a newly registered dossier counts nowhere yet (not received, not finished, not paused).
   */
  public void register(String code, String procedureCode, String division, Channel channel, Applicant applicant,
      Instant registeredAt, String processInstanceId) {
    register(code, procedureCode, division, channel, applicant, ContactPreferences.ALL, registeredAt,
        processInstanceId);
  }

  /** The same, with how the applicant wants to be told of the dossier. */
  public void register(String code, String procedureCode, String division, Channel channel, Applicant applicant,
      ContactPreferences contact, Instant registeredAt, String processInstanceId) {
    jdbc.update("""
        insert into dossier (code, procedure_code, division, channel, status, applicant_name, applicant_id_number,
            applicant_phone, applicant_email, applicant_address, notify_by_email, notify_by_sms, registered_at,
            process_instance_id, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        code, procedureCode, division, channel.name(), DossierStatus.NEWLY_REGISTERED.code(), applicant.name(),
        applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address(), contact.email(),
        contact.sms(), at(registeredAt), processInstanceId, at(EngineClock.now()));
    forget(code);
    // the code was just taken (primary key), so no status interval of it is open: nothing to close
    history(code, DossierStatus.NEWLY_REGISTERED, null, false);
  }

  public void setStatus(String code, DossierStatus status) {
    setStatus(code, status, null);
  }

  /** The status change with what the step said about it (e.g. the missing items of a supplement request). */
  public void setStatus(String code, DossierStatus status, String note) {
    tracked(code, status, before -> {
      update(code, "update dossier set status = ?, updated_at = ? where code = ?", status.code(), now(), code);
      history(code, status, note);
    });
  }

  /**
   * The dossier moved to a division after reception: from received to in process, once. Not tracked: neither
   * status is counted by the report's status history (only status 5 is).
   */
  public void markInProcess(String code) {
    // Every handoff asks; only the first finds the dossier received. The row read here (or earlier in this
    // transaction) also serves the step's later readers, where an update that changed nothing made them read again.
    if (row(code).map(r -> r.dossier().status() != DossierStatus.RECEIVED).orElse(false)) {
      return;
    }
    forget(code);
    if (jdbc.update("update dossier set status = ?, updated_at = ? where code = ? and status = ?",
        DossierStatus.IN_PROCESS.code(), now(), code, DossierStatus.RECEIVED.code()) == 1) {
      history(code, DossierStatus.IN_PROCESS, null);
    }
  }

  public void markReceived(String code, Instant receivedAt, Instant dueAt, BigDecimal deadlineDays) {
    DossierFacts received = tracked(code, DossierStatus.RECEIVED, before -> {
      update(code, "update dossier set status = ?, received_at = ?, due_at = ?, deadline_days = ?, updated_at = ? where code = ?",
          DossierStatus.RECEIVED.code(), at(receivedAt), at(dueAt), deadlineDays, now(), code);
      history(code, DossierStatus.RECEIVED, null);
    });
    events.publishEvent(new DossierEvent.Received(code, received.procedureCode(), Channel.valueOf(received.channel())));
  }

  public void markDueAt(String code, Instant dueAt) {
    tracked(code, null, before ->
        update(code, "update dossier set due_at = ?, updated_at = ? where code = ?", at(dueAt), now(), code));
  }

  /**
   * Whether the dossier's legal due date was counted on provisional days (a year without its official holiday
   * notice); such due dates are reviewed when the notice arrives. Not tracked: the report does not read it.
   */
  public void markDueProvisional(String code, boolean provisional) {
    updateNotKept(code, "update dossier set due_provisional = ?, updated_at = ? where code = ?", provisional, now(),
        code);
  }

  /** An apology with a new appointment date was sent (form 04). Not tracked: the report reads due_at only. */
  public void markRescheduled(String code, Instant newDueAt) {
    markRescheduled(code, newDueAt, null);
  }

  /** The same, with the apology's reason for the listeners (the applicant's letter, the board's notice). */
  public void markRescheduled(String code, Instant newDueAt, String reason) {
    updateNotKept(code, "update dossier set rescheduled_due_at = ?, apology_count = apology_count + 1, updated_at = ? "
        + "where code = ?", at(newDueAt), now(), code);
    events.publishEvent(new DossierEvent.Rescheduled(code, newDueAt, reason));
  }

  /**
   * Processing ended: completed with a result, or stopped at reception or by withdrawal. A solved dossier (one
   * with a timeliness) also gets its processing time in working minutes from receipt, for the report's average.
   */
  public void markFinished(String code, DossierStatus status, Outcome outcome, String timeliness, Instant at) {
    markFinished(code, status, outcome, timeliness, at, null);
  }

  /** The same, with what the step said about it (e.g. the reasons of a refusal). */
  public void markFinished(String code, DossierStatus status, Outcome outcome, String timeliness, Instant at,
      String note) {
    DossierFacts finished = tracked(code, status, before -> {
      Long minutes = timeliness == null || before.receivedAt() == null
          ? null : calendar.workingMinutesBetween(before.receivedAt(), at);
      update(code, "update dossier set status = ?, outcome = ?, timeliness = ?, completed_at = ?, processing_minutes = ?, "
          + "updated_at = ? where code = ?", status.code(), outcome.name(), timeliness, at(at), minutes, now(), code);
      history(code, status, note);
    });
    if (timeliness != null) {
      events.publishEvent(new DossierEvent.Solved(code, finished.procedureCode(), timeliness));
    }
  }

  public void markReturned(String code, Instant returnedAt) {
    tracked(code, DossierStatus.RETURNED, before -> {
      update(code, "update dossier set status = ?, returned_at = ?, updated_at = ? where code = ?",
          DossierStatus.RETURNED.code(), at(returnedAt), now(), code);
      history(code, DossierStatus.RETURNED, null);
    });
  }

  /**
   * Runs the change, given the dossier's facts before it (row locked, so two concurrent changes of one dossier each
   * see the other's result as their "before"), publishes both facts, and returns those after it. {@code newStatus}
   * is the status the change enters, or null when it leaves the status alone: a pause (status 5) opens or closes
   * only when the status changes to or from 5, and only then are the dossier's pauses read again.
   */
  private DossierFacts tracked(String code, DossierStatus newStatus, Consumer<DossierFacts> change) {
    forget(code);
    // the row locked, and whether the dossier was ever paused: most never were, and need no read of their pauses
    DossierFacts before = jdbc.query("select " + DossierFacts.COLUMNS + ", (select count(*) from dossier_status_change s "
            + "where s.dossier_code = d.code and s.status = ?) as pause_count from dossier d where d.code = ? for update",
        (rs, i) -> new Locked(DossierFacts.of(rs, List.of()), rs.getLong("pause_count") > 0),
        DossierStatus.SUPPLEMENT_REQUESTED.code(), code).stream().findFirst()
        .map(locked -> locked.everPaused() ? locked.facts().withPauses(pauses(code)) : locked.facts())
        .orElseThrow(() -> new DossierNotFoundException(code));
    change.accept(before);
    boolean pausesMayChange = newStatus != null && (newStatus == DossierStatus.SUPPLEMENT_REQUESTED || before.paused());
    // the row after the change: often already read by a listener of the change's status event (kept until a write)
    DossierFacts after = row(code).orElseThrow().facts()
        .withPauses(pausesMayChange ? pauses(code) : before.pauses());
    events.publishEvent(new DossierEvent.FactsChanged(code, before, after));
    return after;
  }

  /** The facts of a row read locked, and whether it has any interval in status 5. */
  private record Locked(DossierFacts facts, boolean everPaused) {}

  /** The dossier's intervals in status 5 (supplement requested). */
  private List<DossierFacts.Pause> pauses(String code) {
    return jdbc.query("select changed_at, ended_at from dossier_status_change where dossier_code = ? and status = ?",
        (rs, i) -> new DossierFacts.Pause(instant(rs, "changed_at"), instant(rs, "ended_at")),
        code, DossierStatus.SUPPLEMENT_REQUESTED.code());
  }

  /**
   * Closes the dossier's current status interval and opens the new one, both at the engine clock's now, and
   * announces the change.
   */
  private void history(String code, DossierStatus status, String note) {
    history(code, status, note, true);
  }

  private void history(String code, DossierStatus status, String note, boolean closePrevious) {
    OffsetDateTime now = now();
    if (closePrevious) {
      jdbc.update("update dossier_status_change set ended_at = ? where dossier_code = ? and ended_at is null",
          now, code);
    }
    jdbc.update("insert into dossier_status_change (dossier_code, status, changed_at) values (?, ?, ?)",
        code, status.code(), now);
    events.publishEvent(new DossierEvent.StatusChanged(code, status, note, now.toInstant()));
  }

  /** How the applicant wants to be told of the dossier: from the registry row, kept for the transaction. */
  public ContactPreferences contactPreferences(String code) {
    return row(code).orElseThrow(() -> new DossierNotFoundException(code)).contact();
  }

  public Optional<Dossier> find(String code) {
    return row(code).map(Row::dossier);
  }

  /**
   * The dossier, its row locked until the transaction ends, so that two state changes of one dossier (an
   * online withdrawal and a clerk's step, two supplements) run one after the other.
   */
  public Optional<Dossier> findForUpdate(String code) {
    Optional<Row> row = jdbc.query("select * from dossier where code = ? for update", DossierRegistry::row, code)
        .stream().findFirst();
    row.ifPresent(r -> reads().put(code, r));
    return row.map(Row::dossier);
  }

  /**
   * The dossier's registry row as this transaction last read it, or read now and kept: one read serves
   * {@link #find}, {@link #contactPreferences} and the facts after a tracked change.
   */
  private Optional<Row> row(String code) {
    Map<String, Row> reads = reads();
    Row known = reads.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Row> row = jdbc.query("select * from dossier where code = ?", DossierRegistry::row, code).stream()
        .findFirst();
    row.ifPresent(r -> reads.put(code, r));
    return row;
  }

  public Dossier get(String code) {
    return find(code).orElseThrow(() -> new DossierNotFoundException(code));
  }

  /** One registry row as read: the dossier, the applicant's contact choices, the reported facts (no pauses). */
  private record Row(Dossier dossier, ContactPreferences contact, DossierFacts facts) {}

  /** The rows read in one transaction: the connection holder tells that transaction from one nested in it. */
  private record Reads(Object transaction, Map<String, Row> rows) {}

  /**
   * The rows read in this transaction; outside one, or in a new transaction nested in the one that read them
   * (REQUIRES_NEW), a map that keeps nothing.
   */
  private Map<String, Row> reads() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Object transaction = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
    if (transaction == null) {
      return new HashMap<>();
    }
    if (TransactionSynchronizationManager.getResource(readsKey) instanceof Reads reads) {
      return reads.transaction() == transaction ? reads.rows() : new HashMap<>();
    }
    Reads fresh = new Reads(transaction, new HashMap<>());
    TransactionSynchronizationManager.bindResource(readsKey, fresh);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(readsKey);
      }
    });
    return fresh.rows();
  }

  /** The dossier is about to change: its rows are read again when next asked for (in any open transaction). */
  private void forget(String code) {
    if (TransactionSynchronizationManager.getResource(readsKey) instanceof Reads reads) {
      reads.rows().remove(code);
    }
  }

  /** One dossier's row updated ({@code sql} ends with {@code where code = ?}, the last of {@code args}). */
  private void update(String code, String sql, Object... args) {
    forget(code);
    updateNotKept(code, sql, args);
  }

  /**
   * The same for an update of columns the kept row does not hold ({@link Row}: not the due date's provisional mark,
   * the apology's new date and count, {@code updated_at}): the row kept for this transaction stays true.
   */
  private void updateNotKept(String code, String sql, Object... args) {
    if (jdbc.update(sql, args) != 1) {
      throw new DossierNotFoundException(code);
    }
  }

  private static OffsetDateTime now() {
    return at(EngineClock.now());
  }

  private static Row row(ResultSet rs, int row) throws SQLException {
    return new Row(map(rs), new ContactPreferences(rs.getBoolean("notify_by_email"), rs.getBoolean("notify_by_sms")),
        DossierFacts.of(rs, List.of()));
  }

  private static Dossier map(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Dossier(
        rs.getString("code"),
        rs.getString("procedure_code"),
        rs.getString("division"),
        Channel.valueOf(rs.getString("channel")),
        DossierStatus.ofCode(rs.getInt("status")),
        new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
            rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address")),
        instant(rs, "registered_at"),
        instant(rs, "received_at"),
        instant(rs, "due_at"),
        rs.getBigDecimal("deadline_days"),
        instant(rs, "completed_at"),
        instant(rs, "returned_at"),
        outcome == null ? null : Outcome.valueOf(outcome),
        rs.getString("timeliness"),
        rs.getString("process_instance_id"));
  }
}
