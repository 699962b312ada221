package vn.gov.sct.onestop.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.catalog.ProcessModels;

/**
 * The steps that issue papers are found by their ids when the models are parsed; a model change that renames or
 * removes one would silently stop a paper, so every id must still be a service task with the expected delegate.
 */
class PaperStepsTest {

  @Test
  void everyStepThatIssuesAPaperIsAServiceTaskOfTheModels() {
    Map<String, String> delegates = new HashMap<>();
    ProcessModels.fromClasspath().byFolder().values().forEach(files -> files.stream()
        .filter(f -> f.path().endsWith(".bpmn"))
        .forEach(f -> {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(f.content()));
          model.getModelElementsByType(ServiceTask.class)
              .forEach(t -> delegates.put(t.getId(), t.getCamundaDelegateExpression()));
        }));
    PaperSteps.STEPS.keySet().forEach(id -> assertThat(delegates).as("service task %s", id)
        .containsEntry(id, "${" + id + "}"));
  }
}
