package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The modellers' element templates (processes/.camunda/element-templates, where Camunda Modeler looks for a
 * project's templates) agree with the application and with the models: each names a bean that exists, its
 * dropdowns offer exactly the catalog's divisions, and every element of a templated kind under processes/ uses
 * the current version of a template whose fixed values it carries.
 */
class ElementTemplatesTest extends EngineTestSupport {

  static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String TIMED_STEP_DUE = "${deadlines.stepDue(execution)}";

  private static final List<JsonNode> templates = new ArrayList<>();
  private static ProcedureCatalog catalog;

  @Autowired ApplicationContext context;

  @BeforeAll
  static void read() throws IOException {
    templates.clear();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        json.readTree(file.toFile()).forEach(templates::add);
      }
    }
    try (InputStream in = Files.newInputStream(Path.of("processes", "procedures.yaml"))) {
      catalog = ProcedureCatalog.load("procedures.yaml", in);
    }
    assertThat(templates).as("element templates under %s", TEMPLATES).isNotEmpty();
  }

  @Test
  void every_template_is_versioned_and_names_a_bean_of_the_application() {
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode template : templates) {
      String id = template.path("id").asText();
      assertThat(id).as("template id").startsWith("vn.gov.sct.onestop.");
      assertThat(template.path("version").isInt()).as("%s has an integer version", id).isTrue();
      assertThat(seen.put(id + "@" + template.path("version").asInt(), 1)).as("%s listed twice", id).isNull();
      assertThat(template.path("name").asText()).as("%s name", id).isNotBlank();
      for (JsonNode property : template.path("properties")) {
        String value = property.path("value").asText();
        if (value.startsWith("${") && !value.contains("(") && !value.contains("}-")) {
          String name = value.substring(2, value.length() - 1);
          if (property.path("binding").path("name").asText().equals("camunda:delegateExpression")) {
            assertThat(context.containsBean(name)).as("%s: bean '%s' exists", id, name).isTrue();
          }
        }
        if (value.contains("deadlines.")) {
          assertThat(context.containsBean("deadlines")).as("%s: bean 'deadlines' exists", id).isTrue();
        }
      }
    }
  }

  @Test
  void dropdowns_offer_exactly_the_divisions_of_the_catalog() {
    List<String> ids = catalog.divisions().stream().map(Division::id).toList();
    List<String> names = catalog.divisions().stream().map(Division::name).toList();
    int dropdowns = 0;
    for (JsonNode template : templates) {
      for (JsonNode property : template.path("properties")) {
        if (!"Dropdown".equals(property.path("type").asText())) {
          continue;
        }
        dropdowns++;
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode choice : property.path("choices")) {
          String value = choice.path("value").asText();
          // the procedure's own division is an expression, resolved per dossier
          if (!value.startsWith("${responsibleDivision}")) {
            values.add(value);
            labels.add(choice.path("name").asText());
          }
        }
        assertThat(values).as("%s: %s", template.path("id").asText(), property.path("label").asText())
            .containsExactlyElementsOf(ids);
        assertThat(labels).containsExactlyElementsOf(names);
      }
    }
    assertThat(dropdowns).as("division dropdowns").isGreaterThanOrEqualTo(2);
  }

  @Test
  void every_element_of_a_templated_kind_uses_the_current_version_of_its_template() throws IOException {
    Map<String, JsonNode> current = new HashMap<>();
    for (JsonNode template : templates) {
      current.merge(template.path("id").asText(), template,
          (a, b) -> a.path("version").asInt() >= b.path("version").asInt() ? a : b);
    }
    int checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
          String delegate = task.getCamundaDelegateExpression();
          if (delegate != null && current.values().stream().anyMatch(t -> delegateOf(t).equals(delegate))) {
            requireTemplate(file, task, current);
            checked++;
          }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (TIMED_STEP_DUE.equals(task.getCamundaDueDate())) {
            requireTemplate(file, task, current);
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("templated elements under processes/").isGreaterThan(20);
  }

  private static void requireTemplate(Path file, BaseElement element, Map<String, JsonNode> current) {
    String where = file + ": " + element.getId();
    String id = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
    assertThat(id).as("%s uses an element template (camunda:modelerTemplate)", where).isNotNull();
    JsonNode template = current.get(id);
    assertThat(template).as("%s: template %s exists", where, id).isNotNull();
    assertThat(element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"))
        .as("%s: version of %s", where, id).isEqualTo(template.path("version").asText());
    for (JsonNode property : template.path("properties")) {
      String actual = bound(element, property.path("binding"));
      switch (property.path("type").asText()) {
        case "Hidden" -> assertThat(actual).as("%s: %s of template %s", where, property.path("binding"), id)
            .isEqualTo(property.path("value").asText());
        case "Dropdown" -> assertThat(property.path("choices").findValuesAsText("value"))
            .as("%s: %s is a choice of template %s", where, actual, id).contains(actual);
        default -> {
          if (property.path("constraints").path("notEmpty").asBoolean()) {
            assertThat(actual).as("%s: %s", where, property.path("label").asText()).isNotBlank();
          }
        }
      }
    }
  }

  /** The value an element holds for a template binding: a camunda attribute or a field injection. */
  private static String bound(BaseElement element, JsonNode binding) {
    String name = binding.path("name").asText();
    return switch (binding.path("type").asText()) {
      case "property" -> name.startsWith("camunda:")
          ? element.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
          : element.getAttributeValue(name);
      case "camunda:field" -> field(element, name);
      default -> throw new AssertionError("binding " + binding + " is not checked by this test: add it");
    };
  }

  private static String field(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    for (CamundaField field : element.getExtensionElements().getElementsQuery()
        .filterByType(CamundaField.class).list()) {
      if (name.equals(field.getCamundaName())) {
        if (field.getCamundaStringValue() != null) {
          return field.getCamundaStringValue();
        }
        if (field.getCamundaString() != null) {
          return field.getCamundaString().getTextContent();
        }
        if (field.getCamundaExpression() != null) {
          return field.getCamundaExpression();
        }
        return field.getCamundaExpressionChild() == null ? null : field.getCamundaExpressionChild().getTextContent();
      }
    }
    return null;
  }

  private static String delegateOf(JsonNode template) {
    for (JsonNode property : template.path("properties")) {
      if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
        return property.path("value").asText();
      }
    }
    return "";
  }
}
