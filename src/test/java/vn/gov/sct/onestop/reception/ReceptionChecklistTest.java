package vn.gov.sct.onestop.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The checklist at reception: offered from the catalog, recorded in our table with the completion, a required
 * document not received needs a note to accept, a supplement request names what is missing, and the record
 * survives a supplement round (the second check starts from the first round's list).
 */
class ReceptionChecklistTest extends EngineTestSupport {

  static final String APPLICATION = "Văn bản đăng ký thực hiện khuyến mại (theo mẫu)";
  static final String RULES = "Thể lệ chương trình khuyến mại (theo mẫu)";
  static final String TICKETS = "Mẫu vé số dự thưởng (nếu có)";

  @Autowired ReceptionChecklist checklists;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void monday() {
    clockAt("2026-03-02T09:00");
  }

  @Test
  void theChecklistIsRecordedAtSupplementAndSurvivesTheSupplementRound() throws Exception {
    String code = submit("promotionRegistration", "Công ty TNHH Biển Xanh").getBusinessKey();
    Task check = openTask(code, "checkCompleteness");
    TypedValue offered = taskService.getVariableTyped(check.getId(), ChecklistTask.DOCUMENTS);
    assertThat(offered.getType().getName()).isEqualTo("json");
    assertThat(names(offered)).containsExactly(APPLICATION, RULES, TICKETS);
    assertThat(taskService.getVariable(check.getId(), ChecklistTask.documentField(1, "Received"))).isEqualTo(false);
    assertThat(taskService.getVariable(check.getId(), ChecklistTask.documentField(1, "Form"))).isEqualTo("ORIGINAL");
    assertThat(taskService.getVariable(check.getId(), ChecklistTask.documentField(3, "Copies"))).isEqualTo(1);

    // round 1, as the form sends it (its rows): the application received as 2 certified copies, one extra paper
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Thể lệ phải có chữ ký của người đại diện", "checklistReviewed", true,
        ChecklistTask.documentField(1, "Received"), true, ChecklistTask.documentField(1, "Form"), "CERTIFIED_COPY",
        ChecklistTask.documentField(1, "Copies"), 2L, ChecklistTask.documentField(2, "Form"), "COPY",
        ChecklistTask.otherField(1, "Name"), " Giấy ủy quyền nộp hồ sơ ", ChecklistTask.otherField(1, "Form"), "COPY",
        ChecklistTask.otherField(1, "Copies"), 3L, ChecklistTask.otherField(2, "Name"), ""));

    List<ChecklistItem> first = checklists.items(code);
    assertThat(first).extracting(ChecklistItem::documentName)
        .containsExactly(APPLICATION, RULES, TICKETS, "Giấy ủy quyền nộp hồ sơ");
    assertThat(first.get(0)).isEqualTo(new ChecklistItem(1, APPLICATION, true, true, PaperForm.CERTIFIED_COPY,
        "Bản sao có chứng thực", 2, null));
    assertThat(first.get(1)).isEqualTo(new ChecklistItem(2, RULES, true, false, null, null, 0, null));
    assertThat(first.get(3)).isEqualTo(new ChecklistItem(4, "Giấy ủy quyền nộp hồ sơ", false, true, PaperForm.COPY,
        "Bản sao", 3, null));
    assertThat(first.get(3).addedByClerk()).isTrue();
    String note = (String) historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(
            openTask(code, "awaitSupplement").getProcessInstanceId()).variableName("receptionNote").singleResult()
        .getValue();
    assertThat(note).isEqualTo("Thành phần hồ sơ cần bổ sung: " + RULES + "; " + TICKETS + ".\n"
        + "Thể lệ phải có chữ ký của người đại diện");

    // the supplement arrives; the second check starts from round 1, with its ticks
    complete(code, "awaitSupplement", "motcua", vars("supplementReceived", true));
    Task recheck = openTask(code, "checkCompleteness");
    assertThat(names(taskService.getVariableTyped(recheck.getId(), ChecklistTask.DOCUMENTS)))
        .containsExactly(APPLICATION, RULES, TICKETS, "Giấy ủy quyền nộp hồ sơ");
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.documentField(1, "Received"))).isEqualTo(true);
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.documentField(1, "Form"))).isEqualTo("CERTIFIED_COPY");
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.documentField(1, "Copies"))).isEqualTo(2);
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.documentField(2, "Received"))).isEqualTo(false);
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.documentField(4, "Copies"))).isEqualTo(3);
    assertThat(taskService.getVariable(recheck.getId(), ChecklistTask.otherField(1, "Name"))).as("a new round's added rows are empty").isNull();

    // accepting with the tickets unticked and no reason is refused, nothing is written
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT",
        "checklistReviewed", true, ChecklistTask.documentField(2, "Received"), true)))
        .hasMessageContaining("variable 'checklistDoc1Received'").hasMessageContaining(TICKETS).hasMessageContaining("note");
    // nor are 0 copies of a received document
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung vé số", "checklistReviewed", true, ChecklistTask.documentField(2, "Received"), true,
        ChecklistTask.documentField(2, "Copies"), 0L)))
        .hasMessageContaining("item 2 (" + RULES + "): copies must be between 1 and 99");
    assertThat(checklists.lastRound(code)).isEqualTo(1);
    assertThat(openTask(code, "checkCompleteness")).isNotNull();

    // with the reason it is accepted (here as an API client's JSON list): round 2 is the checklist, round 1 kept
    ArrayNode list = json.createArrayNode();
    list.addObject().put("name", APPLICATION).put("received", true).put("paperForm", "CERTIFIED_COPY").put("copies", 1);
    list.addObject().put("name", RULES).put("received", true).put("paperForm", "ORIGINAL").put("copies", 2);
    list.addObject().put("name", TICKETS).put("received", false).put("note", "Chương trình không phát hành vé số");
    list.addObject().put("name", "Giấy ủy quyền nộp hồ sơ").put("received", true).put("paperForm", "COPY")
        .put("copies", 1).put("required", true); // 'required' from a client is ignored: the catalog decides
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT",
        "checklistReviewed", true, "checklist", SpinValues.jsonValue(list.toString()).create()));
    assertThat(checklists.lastRound(code)).isEqualTo(2);
    List<ChecklistItem> second = checklists.items(code);
    assertThat(second).extracting(ChecklistItem::received).containsExactly(true, true, false, true);
    assertThat(second.get(1).copies()).isEqualTo(2);
    assertThat(second.get(2).note()).isEqualTo("Chương trình không phát hành vé số");
    assertThat(second.get(3).required()).isFalse();
    assertThat(checklists.items(code, 1)).isEqualTo(first);
    assertThat(registry.get(code).receivedAt()).isNotNull();
  }

  private List<String> names(TypedValue value) throws Exception {
    List<String> names = new java.util.ArrayList<>();
    json.readTree(value.getValue().toString()).forEach(n -> names.add(n.asText()));
    return names;
  }

  @Test
  void badChecklistsAreRefusedNamingTheItemAndACompletionWithoutTheConfirmationRecordsNone() throws Exception {
    String code = submit("promotionRegistration", "Công ty TNHH Hải An").getBusinessKey();
    ArrayNode list = json.createArrayNode();
    for (String name : List.of(APPLICATION, RULES, TICKETS)) {
      list.addObject().put("name", name).put("received", false).put("paperForm", "ORIGINAL").put("copies", 1);
    }

    ArrayNode withoutRequired = list.deepCopy();
    withoutRequired.remove(1);
    assertRefused(code, withoutRequired, "'" + RULES + "' may not be removed");
    ArrayNode noForm = list.deepCopy();
    item(noForm, 0, true, null, 1, null);
    assertRefused(code, noForm, "item 1 (" + APPLICATION + "): a received document needs its paperForm");
    ArrayNode badForm = list.deepCopy();
    item(badForm, 0, true, "PHOTO", 1, null);
    assertRefused(code, badForm, "paperForm must be ORIGINAL, CERTIFIED_COPY or COPY, not 'PHOTO'");
    assertThat(jdbc.queryForObject("select count(*) from reception_checklist_item where dossier_code = ?",
        Integer.class, code)).isZero();

    // an API client that does not use the checklist: no record, the dossier moves on
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    assertThat(checklists.items(code)).isEmpty();
  }

  private void assertRefused(String code, JsonNode list, String message) {
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung", "checklistReviewed", true,
        "checklist", SpinValues.jsonValue(list.toString()).create())))
        .hasMessageContaining(message);
  }

  private static void item(ArrayNode list, int index, boolean received, String paperForm, int copies, String note) {
    ObjectNode item = (ObjectNode) list.get(index);
    item.put("received", received);
    item.put("paperForm", paperForm);
    item.put("copies", copies);
    item.put("note", note);
  }
}
