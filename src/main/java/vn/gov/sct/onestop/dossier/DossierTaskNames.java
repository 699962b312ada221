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
 * finds a dossier by searching Tasklist for its code. Added to every user task when the models are parsed,
 * so the BPMN names stay the plain Vietnamese step names the modellers see.
 */
@Component
public class DossierTaskNames extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " – ";

  private static final TaskListener APPEND_CODE = (DelegateTask task) -> {
    Object code = task.getVariable(DossierVariables.DOSSIER_CODE);
    if (code != null && task.getName() != null && !task.getName().endsWith(SEPARATOR + code)) {
      task.setName(task.getName() + SEPARATOR + code);
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
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, APPEND_CODE);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
