package vn.gov.sct.onestop.dossier;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task's name ends with its dossier code ("Thẩm định hồ sơ – H15.50-260309-0012"), so a clerk
 * finds a dossier by searching Tasklist for its code, and the task carries the dossier code, procedure and
 * applicant as task variables: the Tasklist filters show them, and a division may read its tasks'
 * variables but not the process instances of other divisions' dossiers. Added to every user task when the
 * models are parsed, so the BPMN names stay the plain Vietnamese step names the modellers see.
 */
@Component
public class DossierTaskNames extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " – ";

  /** Shown in the Tasklist filters' task cards (see TasklistFilters). */
  static final List<String> LABEL_VARIABLES = List.of(
      DossierVariables.DOSSIER_CODE, DossierVariables.PROCEDURE_NAME, DossierVariables.APPLICANT_NAME);

  /** Whether a task-local variable of this name is one of the labels this plugin copies onto every task. */
  public static boolean isLabel(String variableName) {
    return LABEL_VARIABLES.contains(variableName);
  }

  private static final TaskListener LABEL_TASK = (DelegateTask task) -> {
    Object code = task.getVariable(DossierVariables.DOSSIER_CODE);
    if (code == null) {
      return;
    }
    if (task.getName() != null && !task.getName().endsWith(SEPARATOR + code)) {
      task.setName(task.getName() + SEPARATOR + code);
    }
    for (String name : LABEL_VARIABLES) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, LABEL_TASK);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
