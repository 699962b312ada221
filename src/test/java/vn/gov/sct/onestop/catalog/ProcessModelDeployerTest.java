package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.EngineTestSupport;

/** A restart deploys only what the modellers changed. */
class ProcessModelDeployerTest extends EngineTestSupport {

  private static ProcessModels folder(String documentation) {
    String xml = ProcessModelsTest.process("deployerProbe",
        "<bpmn:documentation>" + documentation + "</bpmn:documentation><bpmn:startEvent id=\"start\"/>");
    return ProcessModels.of(List.of(
        new ProcessModels.ModelFile("deployer-probe/probe.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  private long versions() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("deployerProbe").count();
  }

  @Test
  void unchanged_files_are_not_deployed_again_and_a_changed_one_is() {
    long before = versions();
    assertThat(new ProcessModelDeployer(folder("v1")).deploy(engine)).isEqualTo(1);
    assertThat(new ProcessModelDeployer(folder("v1")).deploy(engine)).isZero();
    assertThat(versions()).isEqualTo(before + 1);

    assertThat(new ProcessModelDeployer(folder("v2")).deploy(engine)).isEqualTo(1);
    assertThat(versions()).isEqualTo(before + 2);
  }

  @Test
  void the_shipped_folders_are_deployed_once_per_start() {
    assertThat(new ProcessModelDeployer(ProcessModels.fromClasspath()).deploy(engine)).isZero();
  }
}
