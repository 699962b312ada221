package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the Camunda Forms under {@code processes/} against what Tasklist 7.24 can render: the
 * camunda-webapp-webjar 7.24.0 bundles form-js 1.8.x, whose viewer supports {@code schemaVersion} up to
 * 16 and rejects unknown component types. Each form must be a form-js "default" form whose id is its
 * file name (the user task id, referenced with {@code camunda:formRef}), with unique keys and ids, and
 * must ask for its step's decision with required validation.
 */
class FormFilesTest {

  private static final Path PROCESSES = Paths.get("processes");
  private static final int MAX_SCHEMA_VERSION = 16;

  /** Component types of form-js 1.8 (no filepicker or documentPreview: those came later). */
  private static final Set<String> SUPPORTED_TYPES = Set.of("textfield", "textarea", "number", "datetime",
      "select", "radio", "checkbox", "checklist", "taglist", "text", "html", "image", "spacer", "separator",
      "group", "dynamiclist", "iframe", "table", "expression", "button", "default");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Every form that must exist, with the decision fields it must require. */
  private static final Map<String, List<String>> REQUIRED_FIELDS = Map.ofEntries(
      Map.entry("common/checkCompleteness", List.of("receptionDecision", "receptionNote")),
      Map.entry("common/awaitSupplement", List.of("supplementReceived")),
      Map.entry("common/assignSpecialist", List.of("specialist")),
      Map.entry("common/scheduleInspection", List.of("inspectionDate", "inspectionTeam")),
      Map.entry("common/recordInspection", List.of("inspectionResult", "inspectionMinutes")),
      Map.entry("common/appraiseDossier", List.of("appraisalProposal", "appraisalNote")),
      Map.entry("common/awaitAppraisalSupplement", List.of("supplementReceived")),
      Map.entry("common/approveResult", List.of("leaderDecision")),
      Map.entry("common/issueResult", List.of("documentNumber")),
      Map.entry("common/issueApology", List.of("apologyReason", "newDueAt")),
      Map.entry("common/returnResult", List.of("returnedTo")),
      Map.entry("promotion-registration/startPromotionRegistration", List.of("applicantName", "applicantIdNumber",
          "applicantPhone", "applicantAddress", "promotionName", "promotionStart", "promotionEnd", "promotionArea")),
      Map.entry("petroleum-retail/startPetroleumRetail", List.of("applicantName", "applicantIdNumber",
          "applicantPhone", "applicantAddress", "storeAddress", "supplierName")),
      Map.entry("electricity-retail/startElectricityRetail", List.of("applicantName", "applicantIdNumber",
          "applicantPhone", "applicantAddress", "retailArea", "customerCount")),
      Map.entry("inspection-seal/startInspectionSeal", List.of("applicantName", "applicantIdNumber",
          "applicantPhone", "applicantAddress", "sealDescription", "inspectionOrganisation")));

  /** The values each decision offers, in the words the engine's task listeners check. */
  private static final Map<String, Map<String, List<String>>> DECISION_VALUES = Map.of(
      "common/checkCompleteness", Map.of("receptionDecision", List.of("ACCEPT", "SUPPLEMENT", "REFUSE")),
      "common/recordInspection", Map.of("inspectionResult", List.of("PASSED", "FAILED")),
      "common/appraiseDossier", Map.of("appraisalProposal", List.of("APPROVE", "REFUSE", "SUPPLEMENT")),
      "common/approveResult", Map.of("leaderDecision", List.of("APPROVE", "SEND_BACK")));

  /** The dossier facts every task form shows read-only. */
  private static final List<String> TASK_FACTS =
      List.of("dossierCode", "procedureName", "applicantName", "applicantPhone", "channel");

  /** Vietnamese words often typed without their diacritics, and the correct spelling. */
  private static final Map<Pattern, String> MISSING_DIACRITICS = Map.ofEntries(
      Map.entry(word("ho so"), "hồ sơ"),
      Map.entry(word("ma ho so"), "mã hồ sơ"),
      Map.entry(word("thu tuc"), "thủ tục"),
      Map.entry(word("tiep nhan"), "tiếp nhận"),
      Map.entry(word("bo sung"), "bổ sung"),
      Map.entry(word("tu choi"), "từ chối"),
      Map.entry(word("ket qua"), "kết quả"),
      Map.entry(word("ngay hen tra"), "ngày hẹn trả"),
      Map.entry(word("chuyen vien"), "chuyên viên"),
      Map.entry(word("tham dinh"), "thẩm định"),
      Map.entry(word("so dien thoai"), "số điện thoại"),
      Map.entry(word("dia chi"), "địa chỉ"),
      Map.entry(word("ca nhan"), "cá nhân"),
      Map.entry(word("to chuc"), "tổ chức"),
      Map.entry(word("khuyen mai"), "khuyến mại"),
      Map.entry(word("xang dau"), "xăng dầu"),
      Map.entry(word("ban le"), "bán lẻ"),
      Map.entry(word("bat buoc"), "bắt buộc"),
      Map.entry(word("dat"), "đạt"),
      Map.entry(word("ly do"), "lý do"));

  private static Pattern word(String plain) {
    return Pattern.compile("(?iu)(?<![\\p{L}])" + plain.replace(" ", "\\s+") + "(?![\\p{L}])");
  }

  static Stream<Arguments> forms() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
      assertThat(list).as("form files under processes/").isNotEmpty();
      return list.stream().map(p -> Arguments.of(PROCESSES.relativize(p).toString().replace('\\', '/'), p));
    }
  }

  @Test
  void everyExpectedFormExists() {
    for (String name : REQUIRED_FIELDS.keySet()) {
      assertThat(PROCESSES.resolve(name + ".form")).as("processes/%s.form", name).isRegularFile();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void isAFormJsFormTasklistCanRender(String name, Path file) throws IOException {
    JsonNode form = read(file);
    String fileId = file.getFileName().toString().replaceFirst("\\.form$", "");

    assertThat(form.path("type").asText()).as("%s: type", name).isEqualTo("default");
    assertThat(form.path("id").asText()).as("%s: id equals the file name", name).isEqualTo(fileId);
    assertThat(form.path("schemaVersion").isInt()).as("%s: schemaVersion is a number", name).isTrue();
    assertThat(form.path("schemaVersion").asInt()).as("%s: schemaVersion supported by form-js 1.8", name)
        .isBetween(1, MAX_SCHEMA_VERSION);
    assertThat(form.path("components").isArray()).as("%s: components", name).isTrue();

    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode c : components(form)) {
      String type = c.path("type").asText();
      assertThat(SUPPORTED_TYPES).as("%s: component type '%s'", name, type).contains(type);
      String id = c.path("id").asText();
      assertThat(id).as("%s: every component has an id", name).isNotBlank();
      assertThat(ids.add(id)).as("%s: component id '%s' is unique", name, id).isTrue();
      if (c.hasNonNull("key")) {
        String key = c.get("key").asText();
        assertThat(keys.add(key)).as("%s: key '%s' is unique", name, key).isTrue();
      }
      JsonNode pattern = c.path("validate").path("pattern");
      if (pattern.isTextual()) {
        Pattern.compile(pattern.asText()); // throws when the regular expression is broken
      }
      if (c.has("values")) {
        for (JsonNode v : c.get("values")) {
          assertThat(v.path("label").asText()).as("%s: option label of '%s'", name, id).isNotBlank();
          assertThat(v.path("value").asText()).as("%s: option value of '%s'", name, id).isNotBlank();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void labelsAreVietnameseWithDiacritics(String name, Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    for (JsonNode c : components(read(file))) {
      for (String property : List.of("label", "description", "text", "dateLabel", "timeLabel")) {
        String value = c.path(property).asText("");
        checkDiacritics(name + " " + c.path("id").asText() + "." + property, value, problems);
      }
      for (JsonNode v : c.path("values")) {
        checkDiacritics(name + " " + c.path("id").asText() + " option", v.path("label").asText(""), problems);
      }
      String type = c.path("type").asText();
      if (c.hasNonNull("key") && !"expression".equals(type)) {
        assertThat(c.path("label").asText()).as("%s: field '%s' has a label", name, c.get("key").asText())
            .isNotBlank();
      }
    }
    assertThat(problems).as("labels written without Vietnamese diacritics").isEmpty();
  }

  private static void checkDiacritics(String where, String value, List<String> problems) {
    String visible = value.replaceAll("\\{\\{.*?}}", " ").replaceAll("\"[A-Z_]+\"", " ");
    for (Map.Entry<Pattern, String> e : MISSING_DIACRITICS.entrySet()) {
      if (e.getKey().matcher(visible).find()) {
        problems.add(where + ": write '" + e.getValue() + "' in \"" + value + "\"");
      }
    }
  }

  @Test
  void spotCheckLabelsHaveTheirDiacritics() throws IOException {
    assertThat(labelOf("common/checkCompleteness", "receptionDecision")).isEqualTo("Quyết định");
    assertThat(optionLabels("common/checkCompleteness", "receptionDecision"))
        .containsExactly("Tiếp nhận hồ sơ", "Yêu cầu bổ sung", "Từ chối tiếp nhận");
    assertThat(optionLabels("common/recordInspection", "inspectionResult")).containsExactly("Đạt", "Không đạt");
    assertThat(optionLabels("common/appraiseDossier", "appraisalProposal"))
        .containsExactly("Đề xuất chấp thuận", "Đề xuất từ chối", "Yêu cầu bổ sung hồ sơ");
    assertThat(optionLabels("common/approveResult", "leaderDecision"))
        .containsExactly("Ký ban hành", "Trả lại chuyên viên");
    assertThat(labelOf("common/assignSpecialist", "dossierCode")).isEqualTo("Mã hồ sơ");
    assertThat(labelOf("common/assignSpecialist", "procedureName")).isEqualTo("Thủ tục");
    assertThat(labelOf("common/assignSpecialist", "applicantName")).isEqualTo("Tổ chức, cá nhân");
    assertThat(labelOf("common/recordInspection", "inspectionMinutes")).isEqualTo("Biên bản kiểm tra");
    assertThat(labelOf("promotion-registration/startPromotionRegistration", "promotionName"))
        .isEqualTo("Tên chương trình khuyến mại");
    assertThat(labelOf("petroleum-retail/startPetroleumRetail", "storeAddress")).isEqualTo("Địa chỉ cửa hàng");
  }

  @Test
  void decisionFieldsAreRequiredAndOfferTheEngineValues() throws IOException {
    for (Map.Entry<String, List<String>> e : REQUIRED_FIELDS.entrySet()) {
      Map<String, JsonNode> byKey = byKey(e.getKey());
      for (String key : e.getValue()) {
        JsonNode field = byKey.get(key);
        assertThat(field).as("%s: field '%s'", e.getKey(), key).isNotNull();
        assertThat(field.path("validate").path("required").asBoolean())
            .as("%s: '%s' is required", e.getKey(), key).isTrue();
        assertThat(field.path("disabled").asBoolean()).as("%s: '%s' is editable", e.getKey(), key).isFalse();
        assertThat(field.path("readonly").asBoolean()).as("%s: '%s' is editable", e.getKey(), key).isFalse();
      }
    }
    for (Map.Entry<String, Map<String, List<String>>> e : DECISION_VALUES.entrySet()) {
      for (Map.Entry<String, List<String>> d : e.getValue().entrySet()) {
        JsonNode field = byKey(e.getKey()).get(d.getKey());
        assertThat(field.path("type").asText()).as("%s: '%s' is a radio group", e.getKey(), d.getKey())
            .isEqualTo("radio");
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        assertThat(values).as("%s: values of '%s'", e.getKey(), d.getKey()).containsExactlyElementsOf(d.getValue());
      }
    }
  }

  @Test
  void notesRequiredOnlyForSomeDecisionsAreShownOnlyThen() throws IOException {
    // form-js 1.8 has no conditional 'required'; a hidden field is neither validated nor submitted.
    JsonNode note = byKey("common/checkCompleteness").get("receptionNote");
    String hide = note.path("conditional").path("hide").asText();
    assertThat(hide).startsWith("=").contains("\"SUPPLEMENT\"").contains("\"REFUSE\"").doesNotContain("ACCEPT");
    JsonNode leaderNote = byKey("common/approveResult").get("leaderNote");
    assertThat(leaderNote.path("conditional").path("hide").asText()).contains("\"SEND_BACK\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void taskFormsShowTheDossierFactsReadOnly(String name, Path file) throws IOException {
    if (file.getFileName().toString().startsWith("start")) {
      return;
    }
    Map<String, JsonNode> byKey = byKey(name.replaceFirst("\\.form$", ""));
    for (String fact : TASK_FACTS) {
      JsonNode field = byKey.get(fact);
      assertThat(field).as("%s: shows '%s'", name, fact).isNotNull();
      // disabled, not readonly: form-js leaves disabled fields out of the submitted variables, so the
      // facts are never written back (a Date variable would otherwise come back as a String).
      assertThat(field.path("disabled").asBoolean()).as("%s: '%s' is disabled", name, fact).isTrue();
    }
    String texts = String.join("\n", components(read(file)).stream()
        .filter(c -> "text".equals(c.path("type").asText())).map(c -> c.path("text").asText()).toList());
    assertThat(texts).as("%s: shows the due date", name).contains("Ngày hẹn trả kết quả").contains("dueAt");
    assertThat(texts).as("%s: shows the reception date", name).containsAnyOf("receivedAt", "arrivedAt");
  }

  @Test
  void startFormsTakeTheApplicantAtTheCounter() throws IOException {
    Pattern phone = null;
    for (String name : REQUIRED_FIELDS.keySet()) {
      if (!name.contains("/start")) {
        continue;
      }
      Map<String, JsonNode> byKey = byKey(name);
      JsonNode channel = byKey.get("channel");
      assertThat(channel.path("defaultValue").asText()).as("%s: channel", name).isEqualTo("COUNTER");
      assertThat(channel.path("readonly").asBoolean()).as("%s: channel is fixed", name).isTrue();
      assertThat(channel.path("disabled").asBoolean()).as("%s: channel is submitted", name).isFalse();
      assertThat(byKey.get("applicantEmail").path("validate").path("pattern").asText()).as("%s: email", name)
          .isNotBlank();
      phone = Pattern.compile(byKey.get("applicantPhone").path("validate").path("pattern").asText());
      for (String ok : List.of("0912345678", "0353123456", "+84912345678", "02253842123", "02439876543")) {
        assertThat(phone.matcher(ok).find()).as("%s: phone %s accepted", name, ok).isTrue();
      }
      for (String bad : List.of("912345678", "091234567", "0112345678", "09123456789", "abc", "0225384212")) {
        assertThat(phone.matcher(bad).find()).as("%s: phone %s refused", name, bad).isFalse();
      }
      Pattern email = Pattern.compile(byKey.get("applicantEmail").path("validate").path("pattern").asText());
      assertThat(email.matcher("congty@example.vn").find()).isTrue();
      assertThat(email.matcher("congty@").find()).isFalse();
    }
    assertThat(phone).as("start forms were checked").isNotNull();
  }

  @Test
  void onlyFormsAndModelsLiveInTheProcedureFolders() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      files.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(PROCESSES))
          // Camunda Modeler's project configuration (element templates), never deployed
          .filter(p -> !p.startsWith(PROCESSES.resolve(".camunda"))).forEach(p -> {
        String n = p.getFileName().toString();
        if (!(n.endsWith(".form") || n.endsWith(".bpmn") || n.endsWith(".dmn"))) {
          fail("unexpected file in a deployment folder: " + p);
        }
      });
    }
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode read(Path file) throws IOException {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** All components, depth first, including those inside groups. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }

  private static Map<String, JsonNode> byKey(String name) throws IOException {
    Map<String, JsonNode> map = new HashMap<>();
    for (JsonNode c : components(read(PROCESSES.resolve(name + ".form")))) {
      if (c.hasNonNull("key")) {
        map.put(c.get("key").asText(), c);
      }
    }
    return map;
  }

  private static String labelOf(String form, String key) throws IOException {
    JsonNode field = byKey(form).get(key);
    assertThat(field).as("%s: field '%s'", form, key).isNotNull();
    return field.path("label").asText();
  }

  private static List<String> optionLabels(String form, String key) throws IOException {
    List<String> labels = new ArrayList<>();
    byKey(form).get(key).path("values").forEach(v -> labels.add(v.path("label").asText()));
    return labels;
  }
}
