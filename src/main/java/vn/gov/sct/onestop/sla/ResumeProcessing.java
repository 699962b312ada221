package vn.gov.sct.onestop.sla;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * Service task {@code resumeProcessing}: the supplement asked for during appraisal arrived. The working time
 * of the pause does not count: the legal due date (variable and registry) moves later by exactly that
 * working time, the pending apology timer moves with it (the engine's job due date, no polling), and the
 * dossier is in process again (status 4). The appraisal step is entered again with its own fresh timers.
 */
@Component("resumeProcessing")
public class ResumeProcessing implements JavaDelegate {

  /** The apology timer of common/division-processing.bpmn. */
  static final String APOLOGY_TIMER = "apologyTimer";
  public static final String PAUSED_WORKING_MINUTES = "pausedWorkingMinutes";

  private final DossierRegistry registry;
  private final Deadlines deadlines;
  private final WorkingCalendar calendar;

  public ResumeProcessing(DossierRegistry registry, Deadlines deadlines,
      WorkingCalendar calendar) {
    this.registry = registry;
    this.deadlines = deadlines;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = requiredText(execution, DOSSIER_CODE);
    Instant now = EngineClock.now();
    Instant pausedAt = instant(execution, PAUSED_AT);
    Instant dueAt = instant(execution, DUE_AT);
    Instant newDue = deadlines.afterPause(dueAt, pausedAt, now);

    Object before = execution.getVariable(PAUSED_WORKING_MINUTES);
    long total = (before instanceof Number n ? n.longValue() : 0) + calendar.workingMinutesBetween(pausedAt, now);
    execution.setVariable(PAUSED_WORKING_MINUTES, total);
    execution.removeVariable(PAUSED_AT);
    setInstant(execution, DUE_AT, newDue);
    registry.markDueAt(code, newDue);
    registry.markDueProvisional(code, deadlines.isProvisional(pausedAt, newDue));
    registry.setStatus(code, DossierStatus.IN_PROCESS);

    ManagementService management = execution.getProcessEngineServices().getManagementService();
    Date apology = Date.from(deadlines.apologyDue(newDue));
    for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(APOLOGY_TIMER).timers().list()) {
      management.setJobDuedate(job.getId(), apology);
    }
  }
}
