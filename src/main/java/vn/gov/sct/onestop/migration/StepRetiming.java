package vn.gov.sct.onestop.migration;

import static vn.gov.sct.onestop.dossier.DossierVariables.PROCEDURE_CODE;
import static vn.gov.sct.onestop.dossier.DossierVariables.RECEIVED_AT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.StepAllotment;
import vn.gov.sct.onestop.handoff.ControlSlip;
import vn.gov.sct.onestop.handoff.ControlSlipEntry;
import vn.gov.sct.onestop.sla.Deadlines;

/**
 * After a migration, the open timed steps of the moved dossiers get the due date the catalog gives them now
 * (counted from when the step was entered, not from the migration), and their warning and overdue timers with
 * it, and the open control-slip line of the step's unit; a step or line whose due date did not change is left alone.
 */
@Component
public class StepRetiming {

  static final String TIMED_STEP_DUE = "${deadlines.stepDue(execution)}";
  static final String TIMED_STEP_WARNING = "${deadlines.stepWarning(execution)}";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final Deadlines deadlines;
  private final ControlSlip controlSlip;

  public StepRetiming(TaskService tasks, RuntimeService runtime, RepositoryService repository,
      ManagementService management, Deadlines deadlines, ControlSlip controlSlip) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
    this.deadlines = deadlines;
    this.controlSlip = controlSlip;
  }

  /**
   * Retimes the open timed steps of the instances; returns "step@dossier code" for each step that changed, and
   * "unit@dossier code" for each open control-slip line whose due date changed with it.
   */
  public List<String> retime(String definitionId, List<String> processInstanceIds) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    List<String> changed = new ArrayList<>();
    for (String instanceId : processInstanceIds) {
      for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
        UserTask element = model.getModelElementById(task.getTaskDefinitionKey());
        if (element == null || !TIMED_STEP_DUE.equals(element.getCamundaDueDate())) {
          continue;
        }
        String procedure = (String) runtime.getVariable(instanceId, PROCEDURE_CODE);
        Instant received = ((Date) runtime.getVariable(instanceId, RECEIVED_AT)).toInstant();
        String code = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
            .getBusinessKey();
        StepAllotment allotment = deadlines.allotment(procedure, received, task.getTaskDefinitionKey());
        Instant due = deadlines.stepDue(procedure, received, task.getTaskDefinitionKey(),
            task.getCreateTime().toInstant());
        if (retimeStep(instanceId, model, element, task, due)) {
          changed.add(task.getTaskDefinitionKey() + "@" + code);
        }
        if (retimeControlSlip(code, procedure, received, allotment.unit())) {
          changed.add(allotment.unit() + "@" + code);
        }
      }
    }
    return changed;
  }

  /** The step's task and its warning and overdue timers, counted from when the step was entered. */
  private boolean retimeStep(String instanceId, BpmnModelInstance model, UserTask element, Task task, Instant due) {
    Instant entered = task.getCreateTime().toInstant();
    if (task.getDueDate() != null && task.getDueDate().toInstant().equals(due)) {
      return false;
    }
    task.setDueDate(Date.from(due));
    tasks.saveTask(task);
    Instant warning = deadlines.stepWarning(due, entered);
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      if (event.getAttachedTo() == element) {
        retimeTimer(instanceId, event, due, warning);
      }
    }
    return true;
  }

  /**
   * The open control-slip line of the step's unit: its share is the sum of the unit's allotments, counted from the
   * handoff, by the same rule as the handoff itself ({@link Deadlines#unitDue}), so a changed allotment of the
   * open step moves the line's due date with the step's.
   */
  private boolean retimeControlSlip(String code, String procedure, Instant received, String unit) {
    Optional<ControlSlipEntry> open = controlSlip.openEntry(code).filter(line -> unit.equals(line.toUnit()));
    if (open.isEmpty()) {
      return false;
    }
    ControlSlipEntry line = open.get();
    Instant due = deadlines.unitDue(procedure, received, unit, line.handedAt());
    return !Objects.equals(due, line.dueAt()) && controlSlip.redate(code, line, due);
  }

  private void retimeTimer(String instanceId, BoundaryEvent event, Instant due, Instant warning) {
    String expression = event.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
        .filter(t -> t.getTimeDate() != null).map(t -> t.getTimeDate().getTextContent().trim())
        .findFirst().orElse("");
    Instant when = TIMED_STEP_DUE.equals(expression) ? due : TIMED_STEP_WARNING.equals(expression) ? warning : null;
    if (when == null) {
      return;
    }
    for (Job job : management.createJobQuery().processInstanceId(instanceId).activityId(event.getId()).timers().list()) {
      management.setJobDuedate(job.getId(), Date.from(when));
    }
  }
}
