package vn.gov.sct.onestop.sla;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;

/**
 * Service task "Báo cáo lãnh đạo phòng: quá hạn" after a step's overdue timer: records the overdue step and
 * makes the head of the unit that owns the step (its lead group, e.g. {@code trade-management-lead}) a
 * candidate of the task, so it shows in the head's Tasklist filters.
 *
 * <p>The unit is the step's unit in the catalog: for the responsible division's own steps that is
 * {@code ${responsibleDivision}-lead}; the board's and the office's steps go to their own heads, so a
 * division head never becomes a candidate of a signing or numbering task.
 */
@Component("slaOverdue")
public class SlaOverdue implements JavaDelegate {

  static final int OVERDUE_PRIORITY = 100;

  private final SlaEvents events;
  private final Deadlines deadlines;
  private final ProcedureCatalog catalog;

  public SlaOverdue(SlaEvents events, Deadlines deadlines, ProcedureCatalog catalog) {
    this.events = events;
    this.deadlines = deadlines;
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = TimedStep.of(execution);
    String leadGroup = catalog.division(deadlines.allotment(execution, step).unit()).leadGroupId();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String detail = "Quá hạn, báo cáo " + leadGroup;
    for (Task task : TimedStep.openTasks(execution, step)) {
      tasks.addCandidateGroup(task.getId(), leadGroup);
      tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
      detail = "Quá hạn " + task.getDueDate().toInstant() + ": " + task.getName() + "; báo cáo " + leadGroup;
    }
    events.record(TimedStep.dossierCode(execution), step, SlaEventKind.OVERDUE, EngineClock.now(), detail);
  }
}
