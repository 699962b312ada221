package vn.gov.sct.onestop.sla;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

  private final WorkingCalendar calendar;
  private final ProcedureCatalog catalog;

  public Deadlines(WorkingCalendar calendar, ProcedureCatalog catalog) {
    this.calendar = calendar;
    this.catalog = catalog;
  }

  /** The receipt's dates: the clock starts at the next working instant after arrival. */
  public record LegalDeadline(Instant receivedAt, Instant dueAt, BigDecimal workingDays) {}

  /** The deadline in force on the day the complete dossier arrived, counted in working days from then. */
  public LegalDeadline legalDeadline(String procedureCode, Instant arrivedAt) {
    Instant clockStart = calendar.clockStart(arrivedAt);
    DeadlineVersion version = version(procedureCode, clockStart);
    return new LegalDeadline(clockStart, calendar.addWorkingDays(clockStart, version.workingDays()),
        version.workingDays());
  }

  /**
   * Due date of the user task being created: now plus the working days the catalog allots to the task's
   * step (its BPMN id) in the deadline version of the dossier.
   */
  public Date stepDue(DelegateExecution execution) {
    String procedure = DossierVariables.requiredText(execution, DossierVariables.PROCEDURE_CODE);
    String step = execution.getCurrentActivityId();
    DeadlineVersion version = version(procedure, clockOf(execution));
    StepAllotment allotment = version.allotment(step).orElseThrow(() -> new IllegalStateException(
        "Step '" + step + "' has no allotment in the catalog entry of procedure '" + procedure
            + "' effective from " + version.effectiveFrom()));
    return Date.from(calendar.addWorkingDays(EngineClock.now(), allotment.days()));
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
