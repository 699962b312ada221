package vn.gov.sct.onestop.sla;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.DeadlineVersion;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.StepAllotment;
import vn.gov.sct.onestop.dossier.DossierVariables;

/**
 * Hạn giải quyết: legal and step due dates from the catalog and the working-day calendar. Models use it as
 * the bean {@code deadlines}, e.g. {@code camunda:dueDate="${deadlines.stepDue(execution)}"}.
 */
@Component("deadlines")
public class Deadlines {

  /**
   * Transient local variables of a timed step's scope execution: its due date, computed once per visit, and the
   * step.
   */
  public static final String STEP_DUE_AT = "stepDueAt";
  static final String STEP_DUE_STEP = "stepDueStep";

  private final WorkingCalendar calendar;
  private final ProcedureCatalog catalog;
  private final BigDecimal warningLeadDays;

  public Deadlines(WorkingCalendar calendar, ProcedureCatalog catalog, SlaProperties properties) {
    this.calendar = calendar;
    this.catalog = catalog;
    this.warningLeadDays = properties.warningLeadDays();
  }

  /**
   * The receipt's dates: the clock starts at the next working instant after arrival. {@code provisional}: the due
   * date was counted on a year without its official holiday notice (reviewed when the notice arrives).
   */
  public record LegalDeadline(Instant receivedAt, Instant dueAt, BigDecimal workingDays, boolean provisional) {}

  /** The deadline in force on the day the complete dossier arrived, counted in working days from then. */
  public LegalDeadline legalDeadline(String procedureCode, Instant arrivedAt) {
    Instant clockStart = calendar.clockStart(arrivedAt);
    DeadlineVersion version = version(procedureCode, clockStart);
    Instant due = calendar.addWorkingDays(clockStart, version.workingDays());
    return new LegalDeadline(clockStart, due, version.workingDays(), calendar.isProvisionalBetween(clockStart, due));
  }

  /** Whether a due date counted from {@code from} touches a year counted on the provisional calendar. */
  public boolean isProvisional(Instant from, Instant due) {
    return calendar.isProvisionalBetween(from, due);
  }

  /**
   * Due date of the user task being entered: now plus the working days the catalog allots to the task's
   * step (its BPMN id) in the deadline version of the dossier.
   *
   * <p>The task's {@code camunda:dueDate} and its overdue and warning timers all call this while the step is
   * entered, in one transaction; the first call keeps the value as a transient variable of the step's own scope
   * execution (a task with boundary timers is a scope, new on every visit), so the due date in Tasklist and the
   * timers agree to the millisecond without writing a variable.
   */
  public Date stepDue(DelegateExecution execution) {
    String step = execution.getCurrentActivityId();
    if (step.equals(execution.getVariableLocal(STEP_DUE_STEP))
        && execution.getVariableLocal(STEP_DUE_AT) instanceof Date cached) {
      return cached;
    }
    StepAllotment allotment = allotment(execution, step);
    Date due = Date.from(calendar.addWorkingDays(EngineClock.now(), allotment.days()));
    // transient: the due date, the timers and the task are all set up in the transaction that enters the step
    execution.setVariableLocal(STEP_DUE_AT, Variables.dateValue(due, true));
    execution.setVariableLocal(STEP_DUE_STEP, Variables.stringValue(step, true));
    return due;
  }

  /**
   * When the warning timer of the step fires: its due date minus the configured lead; for a step whose
   * allotment is not longer than the lead (a half-day step with a half-day lead), halfway through the step's
   * working time instead, since a warning at the moment the task appears tells nobody anything new.
   */
  public Date stepWarning(DelegateExecution execution) {
    return Date.from(stepWarning(stepDue(execution).toInstant(), EngineClock.now()));
  }

  /** The warning of a step entered at {@code enteredAt} and due at {@code due} (the rule of the method above). */
  public Instant stepWarning(Instant due, Instant enteredAt) {
    Instant warning = calendar.subtractWorkingDays(due, warningLeadDays);
    if (warning.isAfter(enteredAt)) {
      return warning;
    }
    return calendar.addWorkingMinutes(enteredAt, Math.max(0, calendar.workingMinutesBetween(enteredAt, due)) / 2);
  }

  /**
   * The due date of a step entered at {@code enteredAt}, by the catalog as loaded now: what the step's task and
   * timers would have had if the step had been entered with today's allotments (used when a running dossier moves
   * to a new model version).
   */
  public Instant stepDue(String procedureCode, Instant clock, String step, Instant enteredAt) {
    return calendar.addWorkingDays(enteredAt, allotment(procedureCode, clock, step).days());
  }

  /** The catalog's allotment for a step of the dossier's procedure, in the deadline version of the dossier. */
  public StepAllotment allotment(DelegateExecution execution, String step) {
    return allotment(DossierVariables.requiredText(execution, DossierVariables.PROCEDURE_CODE), clockOf(execution),
        step);
  }

  /** The allotment of a step (its unit and days) in the deadline version in force at {@code clock}. */
  public StepAllotment allotment(String procedureCode, Instant clock, String step) {
    DeadlineVersion version = version(procedureCode, clock);
    return version.allotment(step).orElseThrow(() -> new IllegalStateException(
        "Step '" + step + "' has no allotment in the catalog entry of procedure '" + procedureCode
            + "' effective from " + version.effectiveFrom()));
  }

  /**
   * Hạn xin lỗi (form 04): one working day before the legal due date of the dossier, when the responsible unit
   * must apologise and give a new date if the result is not ready.
   */
  public Date apologyDue(DelegateExecution execution) {
    return Date.from(apologyDue(DossierVariables.instant(execution, DossierVariables.DUE_AT)));
  }

  public Instant apologyDue(Instant dueAt) {
    return calendar.subtractWorkingDays(dueAt, BigDecimal.ONE);
  }

  /**
   * The legal due date after a pause: the applicant's time (from {@code pausedAt} to {@code resumedAt}) does
   * not count, so the due date moves later by exactly the working time of the pause.
   */
  public Instant afterPause(Instant dueAt, Instant pausedAt, Instant resumedAt) {
    long paused = calendar.workingMinutesBetween(pausedAt, resumedAt);
    return paused == 0 ? dueAt : calendar.addWorkingMinutes(dueAt, paused);
  }

  /** Due date of a unit's share of the work when a dossier is handed to it; null when it has none. */
  public Instant unitDue(String procedureCode, Instant receivedAt, String unit, Instant handedAt) {
    BigDecimal days = version(procedureCode, receivedAt).daysOfUnit(unit);
    return days.signum() == 0 ? null : calendar.addWorkingDays(handedAt, days);
  }

  private DeadlineVersion version(String procedureCode, Instant at) {
    LocalDate day = at.atZone(calendar.zone()).toLocalDate();
    return catalog.byCode(procedureCode).deadlineOn(day);
  }

  /** The dossier's receipt time once accepted, its arrival before that (during reception). */
  private static Instant clockOf(DelegateExecution execution) {
    Object received = execution.getVariable(DossierVariables.RECEIVED_AT);
    return received instanceof Date d ? d.toInstant() : DossierVariables.instant(execution, DossierVariables.ARRIVED_AT);
  }
}
