package vn.gov.sct.onestop.sla;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import vn.gov.sct.onestop.dossier.DossierVariables;

/** The user task a warning or overdue service task serves: the task its boundary timer is attached to. */
final class TimedStep {

  private TimedStep() {}

  /** The id of the user task whose boundary timer led to the current service task. */
  static String of(DelegateExecution execution) {
    FlowNode node = (FlowNode) execution.getBpmnModelElementInstance();
    for (SequenceFlow incoming : node.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent timer) {
        return timer.getAttachedTo().getId();
      }
    }
    throw new IllegalStateException("Service task '" + node.getId()
        + "' must follow a boundary timer of the user task it reports on");
  }

  /**
   * The dossier code of the timed step's process instance: its business key, which every called phase receives
   * from the procedure, so a timer's service task reads no variable (the {@code dossierCode} variable is the
   * fallback).
   */
  static String dossierCode(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    return code != null && !code.isEmpty()
        ? code : DossierVariables.requiredText(execution, DossierVariables.DOSSIER_CODE);
  }

  /** The open tasks of the step in this process instance (one, unless the model runs it in parallel). */
  static List<Task> openTasks(DelegateExecution execution, String step) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(step)
        .list();
  }
}
