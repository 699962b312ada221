package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;

/** Our beans answer for their names in expressions before any variable; every other name resolves as before. */
class OwnBeansFirstTest extends EngineTestSupport {

  @Autowired RepositoryService repository;
  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aVariableNamedLikeOneOfOurBeansDoesNotReplaceTheBean() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ownBeansFirstProbe").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("resolve").camundaExpression(
            "${execution.setVariable('resolvedType', deadlines.getClass().getName())}")
        .serviceTask("echo").camundaExpression("${execution.setVariable('echoed', applicantName)}")
        .userTask("wait")
        .endEvent()
        .done();
    deployment = repository.createDeployment().addModelInstance("ownBeansFirstProbe.bpmn", model).deploy();

    String id = runtimeService.startProcessInstanceByKey("ownBeansFirstProbe",
        Map.of("deadlines", "a client's text", "applicantName", "Công ty TNHH Thử")).getId();

    assertThat((String) runtimeService.getVariable(id, "resolvedType"))
        .startsWith("vn.gov.sct.onestop.sla.Deadlines");
    assertThat(runtimeService.getVariable(id, "echoed")).isEqualTo("Công ty TNHH Thử");
    assertThat(runtimeService.getVariable(id, "deadlines")).isEqualTo("a client's text");
  }
}
