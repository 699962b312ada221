package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.report.DossierFacts;
import vn.gov.sct.onestop.report.StatisticsSummary;

/**
 * Sổ theo dõi hồ sơ: the registry table. Called from delegates and listeners, so every write joins the
 * engine's transaction and disappears with it when a step rolls back. Every status change is also written to
 * {@code dossier_status_change} (the status history the period report reads), and receipt and completion are
 * published as {@link DossierEvent}s, which listeners see after the commit. A change that can move a figure of
 * the period report is tracked: the dossier's facts are read (row locked) before and after it, and the difference
 * is appended to the statistics summary in the same transaction ({@link StatisticsSummary}).
 */
@Repository
public class DossierRegistry {

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;
  private final StatisticsSummary summary;

  public DossierRegistry(JdbcTemplate jdbc, WorkingCalendar calendar, ApplicationEventPublisher events,
      StatisticsSummary summary) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.events = events;
    this.summary = summary;
  }

  /**
   * Not tracked: a newly registered dossier counts nowhere yet (not received, not finished, not paused).
   */
  public void register(String code, String procedureCode, String division, Channel channel, Applicant applicant,
      Instant registeredAt, String processInstanceId) {
    jdbc.update("""
        insert into dossier (code, procedure_code, division, channel, status, applicant_name, applicant_id_number,
            applicant_phone, applicant_email, applicant_address, registered_at, process_instance_id, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        code, procedureCode, division, channel.name(), DossierStatus.NEWLY_REGISTERED.code(), applicant.name(),
        applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address(), at(registeredAt),
        processInstanceId, at(EngineClock.now()));
    history(code, DossierStatus.NEWLY_REGISTERED);
  }

  public void setStatus(String code, DossierStatus status) {
    tracked(code, status, before -> {
      update("update dossier set status = ?, updated_at = ? where code = ?", status.code(), now(), code);
      history(code, status);
    });
  }

  /**
   * The dossier moved to a division after reception: from received to in process, once. Not tracked: neither
   * status is counted by the report's status history (only status 5 is).
   */
  public void markInProcess(String code) {
    if (jdbc.update("update dossier set status = ?, updated_at = ? where code = ? and status = ?",
        DossierStatus.IN_PROCESS.code(), now(), code, DossierStatus.RECEIVED.code()) == 1) {
      history(code, DossierStatus.IN_PROCESS);
    }
  }

  public void markReceived(String code, Instant receivedAt, Instant dueAt, BigDecimal deadlineDays) {
    DossierFacts received = tracked(code, DossierStatus.RECEIVED, before -> {
      update("update dossier set status = ?, received_at = ?, due_at = ?, deadline_days = ?, updated_at = ? where code = ?",
          DossierStatus.RECEIVED.code(), at(receivedAt), at(dueAt), deadlineDays, now(), code);
      history(code, DossierStatus.RECEIVED);
    });
    events.publishEvent(new DossierEvent.Received(code, received.procedureCode(), Channel.valueOf(received.channel())));
  }

  public void markDueAt(String code, Instant dueAt) {
    tracked(code, null, before ->
        update("update dossier set due_at = ?, updated_at = ? where code = ?", at(dueAt), now(), code));
  }

  /**
   * Whether the dossier's legal due date was counted on provisional days (a year without its official holiday
   * notice); such due dates are reviewed when the notice arrives. Not tracked: the report does not read it.
   */
  public void markDueProvisional(String code, boolean provisional) {
    update("update dossier set due_provisional = ?, updated_at = ? where code = ?", provisional, now(), code);
  }

  /** An apology with a new appointment date was sent (form 04). Not tracked: the report reads due_at only. */
  public void markRescheduled(String code, Instant newDueAt) {
    update("update dossier set rescheduled_due_at = ?, apology_count = apology_count + 1, updated_at = ? where code = ?",
        at(newDueAt), now(), code);
  }

  /**
   * Processing ended: completed with a result, or stopped at reception or by withdrawal. A solved dossier (one
   * with a timeliness) also gets its processing time in working minutes from receipt, for the report's average.
   */
  public void markFinished(String code, DossierStatus status, Outcome outcome, String timeliness, Instant at) {
    DossierFacts finished = tracked(code, status, before -> {
      Long minutes = timeliness == null || before.receivedAt() == null
          ? null : calendar.workingMinutesBetween(before.receivedAt(), at);
      update("update dossier set status = ?, outcome = ?, timeliness = ?, completed_at = ?, processing_minutes = ?, "
          + "updated_at = ? where code = ?", status.code(), outcome.name(), timeliness, at(at), minutes, now(), code);
      history(code, status);
    });
    if (timeliness != null) {
      events.publishEvent(new DossierEvent.Solved(code, finished.procedureCode(), timeliness));
    }
  }

  public void markReturned(String code, Instant returnedAt) {
    tracked(code, DossierStatus.RETURNED, before -> {
      update("update dossier set status = ?, returned_at = ?, updated_at = ? where code = ?",
          DossierStatus.RETURNED.code(), at(returnedAt), now(), code);
      history(code, DossierStatus.RETURNED);
    });
  }

  /**
   * Runs the change, given the dossier's facts before it, and appends its effect on the statistics summary (new
   * contributions minus old); returns the facts after it. {@code newStatus} is the status the change enters, or
   * null when it leaves the status alone: a pause (status 5) opens or closes only when the status changes to or
   * from 5, and only then are the dossier's pauses read again.
   */
  private DossierFacts tracked(String code, DossierStatus newStatus, Consumer<DossierFacts> change) {
    DossierFacts before = summary.lockFacts(code).orElseThrow(() -> new DossierNotFoundException(code));
    change.accept(before);
    boolean pausesMayChange = newStatus != null && (newStatus == DossierStatus.SUPPLEMENT_REQUESTED || before.paused());
    return summary.record(before, code, pausesMayChange);
  }

  /** Closes the dossier's current status interval and opens the new one, both at the engine clock's now. */
  private void history(String code, DossierStatus status) {
    OffsetDateTime now = now();
    jdbc.update("update dossier_status_change set ended_at = ? where dossier_code = ? and ended_at is null",
        now, code);
    jdbc.update("insert into dossier_status_change (dossier_code, status, changed_at) values (?, ?, ?)",
        code, status.code(), now);
  }

  public Optional<Dossier> find(String code) {
    List<Dossier> rows = jdbc.query("select * from dossier where code = ?", DossierRegistry::map, code);
    return rows.stream().findFirst();
  }

  /**
   * The dossier, its row locked until the transaction ends, so that two state changes of one dossier (an
   * online withdrawal and a clerk's step, two supplements) run one after the other.
   */
  public Optional<Dossier> findForUpdate(String code) {
    List<Dossier> rows = jdbc.query("select * from dossier where code = ? for update", DossierRegistry::map, code);
    return rows.stream().findFirst();
  }

  public Dossier get(String code) {
    return find(code).orElseThrow(() -> new DossierNotFoundException(code));
  }

  private void update(String sql, Object... args) {
    if (jdbc.update(sql, args) != 1) {
      throw new DossierNotFoundException(String.valueOf(args[args.length - 1]));
    }
  }

  private static OffsetDateTime now() {
    return at(EngineClock.now());
  }

  private static Dossier map(ResultSet rs, int row) throws SQLException {
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
