package vn.gov.sct.onestop.sla;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.OfficialYearsChanged;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.dossier.DossierVariables;

/**
 * What happens to a promise made on the provisional calendar when the official notice arrives. Every open dossier
 * whose legal due date was counted on provisional days is counted again from its receipt (its deadline, plus the
 * working time of its completed supplement pauses) on the calendar now in force:
 *
 * <ul>
 *   <li>the due date never moves earlier than the one in force (at least the receipt's promise): a provisional
 *       holiday that the notice makes a working day leaves the date where it was;
 *   <li>a later date (a day off the provisional calendar did not know, e.g. a bridge day) becomes the due date: the
 *       registry, the process variable and the apology timer (one working day before; {@code setJobDuedate}, as the
 *       supplement pause does) move with it, and the change is written with its reason as an SLA event
 *       ({@link SlaEventKind#DUE_DATE_CHANGED}) and in {@code due_date_change}, the managers' list;
 *   <li>the due date stays marked provisional while it still touches a year without a notice.
 * </ul>
 *
 * <p>The open lines of the control slip whose due dates were provisional are reviewed by the same rule. Runs at
 * start-up (a notice added while the application was stopped) and when {@link OfficialYearsChanged} is published;
 * each dossier in a transaction of its own, the engine's.
 */
@Component
public class ProvisionalDueDates {

  /** The legal deadline's pseudo-step in {@code sla_event}. */
  public static final String STEP = "legalDeadline";

  private static final Logger log = LoggerFactory.getLogger(ProvisionalDueDates.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final List<Integer> OPEN = List.of(DossierStatus.RECEIVED.code(), DossierStatus.IN_PROCESS.code(),
      DossierStatus.SUPPLEMENT_REQUESTED.code(), DossierStatus.FEE_REQUESTED.code());

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final WorkingCalendar calendar;
  private final Deadlines deadlines;
  private final DossierRegistry registry;
  private final SlaEvents events;
  private final RuntimeService runtime;
  private final ManagementService management;

  public ProvisionalDueDates(JdbcTemplate jdbc, TransactionTemplate transaction, WorkingCalendar calendar,
      Deadlines deadlines, DossierRegistry registry, SlaEvents events, RuntimeService runtime,
      ManagementService management) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.registry = registry;
    this.events = events;
    this.runtime = runtime;
    this.management = management;
  }

  /** A legal due date moved later, for the managers' list. */
  public record Change(String dossierCode, Instant previousDueAt, Instant newDueAt, String reason) {}

  private record Open(String code, String procedureCode, Instant receivedAt, Instant dueAt, BigDecimal days) {}

  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    review(null);
  }

  @EventListener
  void officialYearsChanged(OfficialYearsChanged changed) {
    review(changed.years());
  }

  /**
   * Reviews every open dossier with a provisional due date; returns the due dates that moved.
   *
   * @param arrived the years whose notice just arrived, named in the reasons; null at start-up, when the notices
   *     that arrived while the application was stopped are not known: then the official years of the dossier's
   *     span after its receipt year (or the receipt year when the span is one year)
   */
  public List<Change> review(Set<Integer> arrived) {
    List<Open> open = jdbc.query("select code, procedure_code, received_at, due_at, deadline_days from dossier "
            + "where due_provisional = ? and received_at is not null and due_at is not null and status in (?, ?, ?, ?)",
        (rs, row) -> new Open(rs.getString("code"), rs.getString("procedure_code"), instant(rs, "received_at"),
            instant(rs, "due_at"), rs.getBigDecimal("deadline_days")),
        true, OPEN.get(0), OPEN.get(1), OPEN.get(2), OPEN.get(3));
    List<Change> changes = new ArrayList<>();
    for (Open dossier : open) {
      try {
        transaction.executeWithoutResult(status -> reviewOne(dossier, arrived).ifPresent(changes::add));
      } catch (RuntimeException e) {
        // one dossier's problem (e.g. a concurrent step) must not keep the others on a provisional date
        log.error("Could not review the provisional due date of dossier {}", dossier.code(), e);
      }
    }
    reviewControlSlips();
    if (!open.isEmpty()) {
      log.info("Reviewed {} provisional due dates: {} moved later", open.size(), changes.size());
    }
    return changes;
  }

  private Optional<Change> reviewOne(Open listed, Set<Integer> arrived) {
    // locked and read again: another node may have reviewed the dossier since the list was read
    List<Instant> current = jdbc.query("select due_at from dossier where code = ? and due_provisional = ? for update",
        (rs, row) -> instant(rs, "due_at"), listed.code(), true);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Open dossier = new Open(listed.code(), listed.procedureCode(), listed.receivedAt(), current.get(0), listed.days());
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossier.code()).list()
        .stream().map(ProcessInstance::getId).toList();
    long paused = pausedMinutes(instances);
    Instant counted = calendar.addWorkingDays(dossier.receivedAt(), dossier.days());
    if (paused > 0) {
      counted = calendar.addWorkingMinutes(counted, paused);
    }
    registry.markDueProvisional(dossier.code(), calendar.isProvisionalBetween(dossier.receivedAt(), counted));
    if (!counted.isAfter(dossier.dueAt())) {
      return Optional.empty(); // never earlier than promised
    }
    String years = arrivedYears(dossier.receivedAt(), counted, arrived);
    String reason = "Lịch nghỉ chính thức năm " + years + " thay lịch tạm tính: hạn giải quyết tính lại là "
        + shown(counted) + ", muộn hơn hạn đã hẹn " + shown(dossier.dueAt()) + "; hạn mới không sớm hơn hạn đã hẹn.";
    registry.markDueAt(dossier.code(), counted);
    moveProcess(instances, counted);
    Instant now = EngineClock.now();
    events.record(dossier.code(), STEP, SlaEventKind.DUE_DATE_CHANGED, now, reason);
    jdbc.update("insert into due_date_change (dossier_code, previous_due_at, new_due_at, calendar_years, reason, "
        + "changed_at) values (?, ?, ?, ?, ?, ?)", dossier.code(), at(dossier.dueAt()), at(counted), years, reason,
        at(now));
    return Optional.of(new Change(dossier.code(), dossier.dueAt(), counted, reason));
  }

  /** The working time of the dossier's finished supplement pauses (ResumeProcessing keeps the total). */
  private long pausedMinutes(List<String> instances) {
    if (instances.isEmpty()) {
      return 0;
    }
    long total = 0;
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .variableName(ResumeProcessing.PAUSED_WORKING_MINUTES).list()) {
      if (v.getValue() instanceof Number n) {
        total = Math.max(total, n.longValue()); // a running total, copied between called phases
      }
    }
    return total;
  }

  /** The due date variable of every phase that holds it, and the apology timers, one working day before it. */
  private void moveProcess(List<String> instances, Instant due) {
    if (instances.isEmpty()) {
      return;
    }
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .variableName(DossierVariables.DUE_AT).list()) {
      runtime.setVariable(v.getExecutionId(), DossierVariables.DUE_AT, Date.from(due));
    }
    Date apology = Date.from(deadlines.apologyDue(due));
    for (String instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance).activityId(ResumeProcessing.APOLOGY_TIMER)
          .timers().list()) {
        management.setJobDuedate(job.getId(), apology);
      }
    }
  }

  /** Open control-slip lines counted on provisional days: counted again from their handoff, never earlier. */
  private void reviewControlSlips() {
    record Line(long id, String procedureCode, Instant receivedAt, String unit, Instant handedAt, Instant dueAt) {}
    List<Line> lines = jdbc.query("""
        select h.id, d.procedure_code, d.received_at, h.to_unit, h.handed_at, h.due_at
        from dossier_handoff h join dossier d on d.code = h.dossier_code
        where h.due_provisional = ? and h.finished_at is null and h.due_at is not null and d.received_at is not null""",
        (rs, row) -> new Line(rs.getLong("id"), rs.getString("procedure_code"), instant(rs, "received_at"),
            rs.getString("to_unit"), instant(rs, "handed_at"), instant(rs, "due_at")), true);
    for (Line line : lines) {
      transaction.executeWithoutResult(status -> {
        Instant counted = deadlines.unitDue(line.procedureCode(), line.receivedAt(), line.unit(), line.handedAt());
        Instant due = counted == null || !counted.isAfter(line.dueAt()) ? line.dueAt() : counted;
        jdbc.update("update dossier_handoff set due_at = ?, due_provisional = ? where id = ?", at(due),
            calendar.isProvisionalBetween(line.handedAt(), due), line.id());
      });
    }
  }

  /** The years of the span whose notice arrived, e.g. "2027". */
  private String arrivedYears(Instant from, Instant to, Set<Integer> arrived) {
    int first = from.atZone(calendar.zone()).getYear();
    int last = to.atZone(calendar.zone()).getYear();
    StringJoiner years = new StringJoiner(", ");
    for (int y = first; y <= last; y++) {
      boolean named = arrived != null ? arrived.contains(y) : !calendar.isProvisional(y) && (y > first || first == last);
      if (named) {
        years.add(Integer.toString(y));
      }
    }
    return years.toString();
  }

  private String shown(Instant instant) {
    return SHOWN.format(instant.atZone(calendar.zone()));
  }
}
