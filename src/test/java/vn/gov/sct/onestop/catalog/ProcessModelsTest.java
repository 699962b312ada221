package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The modellers' folder is checked before anything is deployed. */
class ProcessModelsTest {

  private static ProcessModels.ModelFile file(String path, String xml) {
    return new ProcessModels.ModelFile(path, xml.getBytes(StandardCharsets.UTF_8));
  }

  static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">%s</bpmn:process>
        </bpmn:definitions>
        """.formatted(id, body);
  }

  @Test
  void every_shipped_model_parses_and_names_its_processes() {
    ProcessModels models = ProcessModels.fromClasspath();
    assertThat(models.processIds()).contains("reception", "resultReturn", "promotionRegistration");
    assertThat(models.byFolder()).containsKeys("common", "promotion-registration");
  }

  @Test
  void a_file_that_does_not_parse_is_named() {
    assertThatThrownBy(() -> ProcessModels.of(List.of(file("broken/broken.bpmn", "<bpmn:definitions"))))
        .isInstanceOf(ModelCheckException.class)
        .hasMessageContaining("processes/broken/broken.bpmn")
        .hasMessageContaining("not a valid BPMN file");
  }

  @Test
  void a_user_task_without_candidate_group_is_named_with_its_file() {
    String xml = process("orphan", "<bpmn:userTask id=\"reviewAlone\" name=\"Xem xét\" camunda:assignee=\"someone\"/>");
    assertThatThrownBy(() -> ProcessModels.of(List.of(file("orphan/orphan.bpmn", xml))))
        .isInstanceOf(ModelCheckException.class)
        .hasMessageContaining("processes/orphan/orphan.bpmn")
        .hasMessageContaining("reviewAlone")
        .hasMessageContaining("candidate group");
  }
}
