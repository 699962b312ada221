package vn.gov.sct.onestop.sla;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;

/**
 * Service task "Cảnh báo sắp đến hạn" after a step's warning timer: records the warning and raises the task's
 * priority, so it climbs the division's Tasklist filters.
 */
@Component("slaWarning")
public class SlaWarning implements JavaDelegate {

  /** Priority of a task about to be due (the engine's normal priority is 50). */
  static final int WARNING_PRIORITY = 75;

  private final SlaEvents events;

  public SlaWarning(SlaEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = TimedStep.of(execution);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String detail = "Sắp đến hạn";
    for (Task task : TimedStep.openTasks(execution, step)) {
      if (task.getPriority() < WARNING_PRIORITY) {
        tasks.setPriority(task.getId(), WARNING_PRIORITY);
      }
      detail = "Sắp đến hạn " + task.getDueDate().toInstant() + ": " + task.getName();
    }
    events.record(TimedStep.dossierCode(execution), step, SlaEventKind.WARNING, EngineClock.now(), detail);
  }
}
