package vn.gov.sct.onestop.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;

/**
 * The completeness form and the catalog agree: the form has the fixed rows {@link ChecklistTask} reads (a row per
 * offered document with received, paper form and copies; rows for added documents), each row of a document hidden
 * when the procedure has fewer documents, and no procedure of the catalog requires more documents than the form
 * has rows.
 */
class ChecklistFormTest {

  static final Path FORM = Path.of("processes/common/checkCompleteness.form");

  @Test
  void everyProcedureOfTheCatalogFitsTheFormsRows() throws Exception {
    ProcedureCatalog catalog;
    try (InputStream in = Files.newInputStream(Path.of("processes/procedures.yaml"))) {
      catalog = ProcedureCatalog.load("procedures.yaml", in);
    }
    assertThat(catalog.procedures()).isNotEmpty().allSatisfy(procedure -> assertThat(
        procedure.requiredDocuments().size()).as(procedure.code()).isBetween(1, ChecklistTask.DOCUMENT_ROWS));
  }

  @Test
  void theFormHasTheRowsTheListenerReads() throws Exception {
    Map<String, JsonNode> byKey = new HashMap<>();
    Map<String, JsonNode> byId = new HashMap<>();
    collect(new ObjectMapper().readTree(FORM.toFile()).get("components"), byKey, byId);

    for (int row = 1; row <= ChecklistTask.DOCUMENT_ROWS; row++) {
      String hide = "=checklistDocuments = null or count(checklistDocuments) < " + row;
      JsonNode name = byId.get("Text_checklistDoc" + row + "Name");
      assertThat(name).as("row %s's document name", row).isNotNull();
      assertThat(name.path("text").asText()).contains("{{checklistDocuments[" + row + "]}}");
      assertThat(name.path("conditional").path("hide").asText()).isEqualTo(hide);
      assertField(byKey, ChecklistTask.documentField(row, "Received"), "checkbox", hide);
      assertPaperForm(assertField(byKey, ChecklistTask.documentField(row, "Form"), "select", hide));
      assertCopies(assertField(byKey, ChecklistTask.documentField(row, "Copies"), "number", hide));
      // the rows follow one another (form-js lays them out by row id)
      assertThat(byKey.get(ChecklistTask.documentField(row, "Copies")).path("layout").path("row").asText())
          .isEqualTo(name.path("layout").path("row").asText());
    }
    assertThat(byKey).doesNotContainKey(ChecklistTask.documentField(ChecklistTask.DOCUMENT_ROWS + 1, "Received"));
    for (int row = 1; row <= ChecklistTask.OTHER_ROWS; row++) {
      assertField(byKey, ChecklistTask.otherField(row, "Name"), "textfield", null);
      assertPaperForm(assertField(byKey, ChecklistTask.otherField(row, "Form"), "select", null));
      assertCopies(assertField(byKey, ChecklistTask.otherField(row, "Copies"), "number", null));
    }
    assertThat(byKey).doesNotContainKey(ChecklistTask.otherField(ChecklistTask.OTHER_ROWS + 1, "Name"));
    assertField(byKey, ChecklistTask.REVIEWED, "checkbox", null);
    assertField(byKey, ChecklistTask.NOTE, "textarea", "=receptionDecision != \"ACCEPT\"");
  }

  private static JsonNode assertField(Map<String, JsonNode> byKey, String key, String type, String hide) {
    JsonNode field = byKey.get(key);
    assertThat(field).as("field %s", key).isNotNull();
    assertThat(field.path("type").asText()).as("type of %s", key).isEqualTo(type);
    if (hide != null) {
      assertThat(field.path("conditional").path("hide").asText()).as("hidden when %s", key).isEqualTo(hide);
    }
    return field;
  }

  private static void assertPaperForm(JsonNode select) {
    List<String> values = select.path("values").findValuesAsText("value");
    assertThat(values).containsExactly("ORIGINAL", "CERTIFIED_COPY", "COPY");
    for (JsonNode value : select.path("values")) {
      assertThat(value.path("label").asText()).isEqualTo(PaperForm.valueOf(value.path("value").asText()).label());
    }
  }

  private static void assertCopies(JsonNode number) {
    assertThat(number.path("validate").path("min").asInt()).isEqualTo(1);
    assertThat(number.path("validate").path("max").asInt()).isEqualTo(ChecklistRules.MAX_COPIES);
    assertThat(number.path("decimalDigits").asInt(-1)).isZero();
  }

  private static void collect(JsonNode components, Map<String, JsonNode> byKey, Map<String, JsonNode> byId) {
    for (JsonNode component : components) {
      byId.put(component.path("id").asText(), component);
      if (component.hasNonNull("key")) {
        byKey.put(component.get("key").asText(), component);
      }
      if (component.has("components")) {
        collect(component.get("components"), byKey, byId);
      }
    }
  }
}
