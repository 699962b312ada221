package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import vn.gov.sct.onestop.catalog.ProcessModels;

/**
 * The procedure's own fields are declared once, in its Camunda start form; the public API lists them from it and
 * refuses what the form would not accept, naming each field, writing nothing; a good submission is stored typed.
 * The bad submissions are derived from the declaration itself, per procedure.
 */
class ProcedureFieldsApiTest extends OnlineApiTestSupport {

  static final List<String> PROCEDURES = List.of(
      "promotion-registration", "petroleum-retail", "electricity-retail", "inspection-seal");
  /** The applicant's block and contact preferences on every start form: not the procedure's own fields. */
  static final Set<String> COMMON = Set.of("channel", "applicantName", "applicantIdNumber", "applicantPhone",
      "applicantEmail", "applicantAddress", "notifyByEmail", "notifyBySms");

  @Test
  void theApiListsExactlyTheKeyedFieldsOfEachStartFormWithTheirLabelsTypesAndLimits() throws Exception {
    JsonNode listed = json.readTree(mvc.perform(get(PUBLIC + "/procedures")).andReturn().getResponse()
        .getContentAsByteArray());
    for (String procedure : PROCEDURES) {
      JsonNode form = startForm(procedure);
      Map<String, JsonNode> declared = keyed(form.path("components"), new LinkedHashMap<>());
      JsonNode fields = procedureNode(listed, procedure).path("fields");
      List<String> keys = new ArrayList<>();
      fields.forEach(f -> keys.add(f.path("key").asText()));
      assertThat(keys).as(procedure).containsExactlyElementsOf(declared.keySet());
      for (JsonNode field : fields) {
        JsonNode component = declared.get(field.path("key").asText());
        assertThat(field.path("label").asText()).isEqualTo(component.path("label").asText());
        assertThat(field.path("required").asBoolean()).isEqualTo(component.at("/validate/required").asBoolean(false));
        if (component.at("/validate/maxLength").isNumber()) {
          assertThat(field.path("maxLength").asInt()).isEqualTo(component.at("/validate/maxLength").asInt());
        }
        assertThat(field.path("type").asText()).isEqualTo(switch (component.path("type").asText()) {
          case "textfield", "textarea" -> "TEXT";
          case "number" -> "NUMBER";
          case "datetime" -> "DATE";
          case "select", "radio" -> "CHOICE";
          default -> "BOOLEAN";
        });
      }
    }
  }

  @Test
  void eachBadSubmissionIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
    JsonNode listed = json.readTree(mvc.perform(get(PUBLIC + "/procedures")).andReturn().getResponse()
        .getContentAsByteArray());
    Map<String, Long> before = rowCounts();
    int cases = 0;
    for (String procedure : PROCEDURES) {
      JsonNode fields = procedureNode(listed, procedure).path("fields");
      ObjectNode valid = (ObjectNode) json.readTree(VALID_FIELDS.get(procedure));

      // the fields of another procedure
      String other = PROCEDURES.get((PROCEDURES.indexOf(procedure) + 1) % PROCEDURES.size());
      JsonNode foreign = json.readTree(VALID_FIELDS.get(other));
      ObjectNode wrongProcedure = valid.deepCopy();
      foreign.fieldNames().forEachRemaining(k -> wrongProcedure.set(k, foreign.get(k)));
      refused(procedure, wrongProcedure, "fields." + foreign.fieldNames().next(), "không có trong mẫu đơn");
      cases++;

      ObjectNode unknown = valid.deepCopy();
      unknown.put("isApproved", true);
      refused(procedure, unknown, "fields.isApproved", "không có trong mẫu đơn");
      cases++;

      for (JsonNode field : fields) {
        String key = field.path("key").asText();
        if (field.path("required").asBoolean()) {
          ObjectNode missing = valid.deepCopy();
          missing.remove(key);
          refused(procedure, missing, "fields." + key, "bắt buộc");
          cases++;
        }
        switch (field.path("type").asText()) {
          case "DATE" -> {
            for (String bad : List.of("31/02/2026", "2026-02-31", "2026-13-01", "tomorrow")) {
              ObjectNode date = valid.deepCopy();
              date.put(key, bad);
              refused(procedure, date, "fields." + key, "ngày có thật");
              cases++;
            }
          }
          case "NUMBER" -> {
            ObjectNode text = valid.deepCopy();
            text.put(key, "ba trăm");
            refused(procedure, text, "fields." + key, "phải là số");
            ObjectNode low = valid.deepCopy();
            low.put(key, field.path("min").decimalValue().subtract(BigDecimal.ONE));
            refused(procedure, low, "fields." + key, "không được nhỏ hơn");
            ObjectNode fraction = valid.deepCopy();
            fraction.put(key, new BigDecimal("12.5"));
            refused(procedure, fraction, "fields." + key, "chữ số thập phân");
            cases += 3;
          }
          case "TEXT" -> {
            ObjectNode number = valid.deepCopy();
            number.put(key, 42);
            refused(procedure, number, "fields." + key, "chuỗi ký tự");
            if (field.path("maxLength").isNumber()) {
              ObjectNode tooLong = valid.deepCopy();
              tooLong.put(key, "x".repeat(field.path("maxLength").asInt() + 1));
              refused(procedure, tooLong, "fields." + key, "tối đa");
              cases++;
            }
            cases++;
          }
          default -> { }
        }
      }
      assertThat(rowCounts()).as("after the bad submissions of " + procedure).isEqualTo(before);
    }
    assertThat(cases).isGreaterThanOrEqualTo(30);
  }

  @Test
  void thePromotionsImpossibleDateOfTheIssueIsRefusedInEnglishOnRequestNamingTheField() throws Exception {
    ObjectNode fields = (ObjectNode) json.readTree(VALID_FIELDS.get("promotion-registration"));
    fields.put("promotionStart", "31/02/2026");
    MvcResult result = mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty A",
        fields.toString())), pdf("a.pdf")).header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
    assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("fields.promotionStart");
    assertThat(problem.at("/errors/0/message").asText())
        .isEqualTo("Ngày bắt đầu: must be a real day written YYYY-MM-DD (e.g. 2026-04-01)");
  }

  @Test
  void aPastStartDayIsRefusedAsTheFormDoes() throws Exception {
    ObjectNode fields = (ObjectNode) json.readTree(VALID_FIELDS.get("promotion-registration"));
    fields.put("promotionStart", "2026-03-01"); // the clock stands on 2 March 2026
    refused("promotion-registration", fields, "fields.promotionStart", "ngày đã qua");
  }

  @Test
  void goodSubmissionsAreStoredTypedAndKeptAsTheFormsVariables() throws Exception {
    String promotion = submit("promotion-registration");
    assertThat(jdbc.queryForObject("select date_value from dossier_field_value where dossier_code = ? and field_key = ?",
        LocalDate.class, promotion, "promotionStart")).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(jdbc.queryForObject("select text_value from dossier_field_value where dossier_code = ? and field_key = ?",
        String.class, promotion, "promotionArea")).isEqualTo("Quận Lê Chân, Hải Phòng");
    assertThat(jdbc.queryForList("select field_key from dossier_field_value where dossier_code = ? order by position",
        String.class, promotion)).containsExactly("promotionName", "promotionStart", "promotionEnd", "promotionArea");
    String instance = jdbc.queryForObject("select process_instance_id from dossier where code = ?", String.class, promotion);
    assertThat(runtimeService.getVariable(instance, "promotionStart")).isEqualTo("2026-04-01");

    String electricity = submit("electricity-retail");
    assertThat(jdbc.queryForObject("select number_value from dossier_field_value where dossier_code = ? and field_key = ?",
        BigDecimal.class, electricity, "customerCount")).isEqualByComparingTo("320");
    String electricityInstance = jdbc.queryForObject("select process_instance_id from dossier where code = ?",
        String.class, electricity);
    assertThat(runtimeService.getVariable(electricityInstance, "customerCount")).isEqualTo(320L);
  }

  private String submit(String procedure) throws Exception {
    MvcResult result = mvc.perform(submission(dossierPart(dossierJson(procedure, "Công ty TNHH Hải An")), pdf("a.pdf")))
        .andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return json.readTree(result.getResponse().getContentAsByteArray()).path("dossierCode").asText();
  }

  private void refused(String procedure, JsonNode fields, String field, String message) throws Exception {
    MvcResult result = mvc.perform(submission(dossierPart(dossierJson(procedure, "Công ty A", fields.toString())),
        pdf("a.pdf"))).andReturn();
    String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(procedure + " " + fields + ": " + body).isEqualTo(400);
    JsonNode problem = json.readTree(body);
    List<String> named = new ArrayList<>();
    problem.path("errors").forEach(e -> {
      if (e.path("field").asText().equals(field)) {
        named.add(e.path("message").asText());
      }
    });
    assertThat(named).as(procedure + " " + fields + ": " + body).anySatisfy(m -> assertThat(m).contains(message));
  }

  private static JsonNode procedureNode(JsonNode listed, String code) {
    for (JsonNode p : listed) {
      if (p.path("code").asText().equals(code)) {
        return p;
      }
    }
    throw new AssertionError("procedure " + code + " not listed");
  }

  /** The start form as the modeller saved it, read here independently of the application's reader. */
  private JsonNode startForm(String procedure) throws Exception {
    for (ProcessModels.ModelFile file : ProcessModels.fromClasspath().byFolder().get(procedure)) {
      if (file.path().endsWith(".form") && file.path().contains("/start")) {
        return json.readTree(file.content());
      }
    }
    throw new AssertionError("no start form in processes/" + procedure);
  }

  private static Map<String, JsonNode> keyed(JsonNode components, Map<String, JsonNode> into) {
    for (JsonNode c : components) {
      if (c.has("key") && !COMMON.contains(c.path("key").asText())) {
        into.put(c.path("key").asText(), c);
      }
      keyed(c.path("components"), into);
    }
    return into;
  }

  static Set<String> sorted(Iterable<String> keys) {
    Set<String> set = new TreeSet<>();
    keys.forEach(set::add);
    return set;
  }
}
