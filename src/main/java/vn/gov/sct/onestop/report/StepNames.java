package vn.gov.sct.onestop.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The Vietnamese names of the ISO steps (user task ids of the models, as the catalog's allotments and the SLA
 * events name them), read from the latest deployed models: the name the clerk sees in Tasklist.
 */
@Component
public class StepNames {

  private final RepositoryService repository;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public StepNames(RepositoryService repository) {
    this.repository = repository;
  }

  public String of(String step) {
    if (names.isEmpty()) {
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (task.getName() != null) {
            names.putIfAbsent(task.getId(), task.getName());
          }
        }
      }
    }
    return names.getOrDefault(step, step);
  }
}
