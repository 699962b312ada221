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
    TypedValue offered = taskService.getVariableTyped(check.getId(), ChecklistTask.VARIABLE);
    assertThat(offered.getType().getName()).isEqualTo("json");
    ArrayNode list = (ArrayNode) json.readTree(offered.getValue().toString());
    assertThat(list).extracting(n -> n.path("name").asText()).containsExactly(APPLICATION, RULES, TICKETS);
    assertThat(list).allSatisfy(n -> {
      assertThat(n.path("required").asBoolean()).isTrue();
      assertThat(n.path("received").asBoolean()).isFalse();
      assertThat(n.path("paperForm").asText()).isEqualTo("ORIGINAL");
    });

    // round 1: the application received as original, the rules missing, tickets not applicable, one extra paper
    item(list, 0, true, "ORIGINAL", 1, null);
    item(list, 2, false, null, 0, "Chương trình không phát hành vé số");
    list.addObject().put("name", "Giấy ủy quyền nộp hồ sơ").put("received", true).put("paperForm", "COPY")
        .put("copies", 2).put("required", true); // 'required' from a client is ignored: the catalog decides
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Thể lệ phải có chữ ký của người đại diện", "checklistReviewed", true,
        "checklist", SpinValues.jsonValue(list.toString()).create()));

    List<ChecklistItem> first = checklists.items(code);
    assertThat(first).extracting(ChecklistItem::documentName)
        .containsExactly(APPLICATION, RULES, TICKETS, "Giấy ủy quyền nộp hồ sơ");
    assertThat(first.get(0)).isEqualTo(new ChecklistItem(1, APPLICATION, true, true, PaperForm.ORIGINAL, "Bản chính",
        1, null));
    assertThat(first.get(3).addedByClerk()).isTrue();
    assertThat(first.get(3).paperFormLabel()).isEqualTo("Bản sao");
    assertThat(first.get(3).copies()).isEqualTo(2);
    String note = (String) historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(
            openTask(code, "awaitSupplement").getProcessInstanceId()).variableName("receptionNote").singleResult()
        .getValue();
    assertThat(note).isEqualTo("Thành phần hồ sơ cần bổ sung: " + RULES + "; " + TICKETS + ".\n"
        + "Thể lệ phải có chữ ký của người đại diện");

    // the supplement arrives; the second check starts from round 1
    complete(code, "awaitSupplement", "motcua", vars("supplementReceived", true));
    Task recheck = openTask(code, "checkCompleteness");
    ArrayNode again = (ArrayNode) json.readTree(
        taskService.getVariableTyped(recheck.getId(), ChecklistTask.VARIABLE).getValue().toString());
    assertThat(again).hasSize(4);
    assertThat(again.get(0).path("received").asBoolean()).isTrue();
    assertThat(again.get(1).path("received").asBoolean()).isFalse();
    assertThat(again.get(3).path("required").asBoolean()).isFalse();

    // accepting with the tickets still unticked and its note removed is refused, nothing is written
    item(again, 1, true, "CERTIFIED_COPY", 1, null);
    ((ObjectNode) again.get(2)).put("note", "");
    assertThatThrownBy(() -> complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT",
        "checklistReviewed", true, "checklist", SpinValues.jsonValue(again.toString()).create())))
        .hasMessageContaining("variable 'checklist'").hasMessageContaining(TICKETS).hasMessageContaining("note");
    assertThat(checklists.lastRound(code)).isEqualTo(1);
    assertThat(openTask(code, "checkCompleteness")).isNotNull();

    // with the reason it is accepted: round 2 is the dossier's checklist, round 1 is kept
    ((ObjectNode) again.get(2)).put("note", "Chương trình không phát hành vé số");
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT",
        "checklistReviewed", true, "checklist", SpinValues.jsonValue(again.toString()).create()));
    assertThat(checklists.lastRound(code)).isEqualTo(2);
    assertThat(checklists.items(code)).extracting(ChecklistItem::received).containsExactly(true, true, false, true);
    assertThat(checklists.items(code).get(1).paperForm()).isEqualTo(PaperForm.CERTIFIED_COPY);
    assertThat(checklists.items(code, 1)).isEqualTo(first);
    assertThat(registry.get(code).receivedAt()).isNotNull();
  }

  @Test
  void badChecklistsAreRefusedNamingTheItemAndACompletionWithoutTheConfirmationRecordsNone() throws Exception {
    String code = submit("promotionRegistration", "Công ty TNHH Hải An").getBusinessKey();
    Task check = openTask(code, "checkCompleteness");
    ArrayNode list = (ArrayNode) json.readTree(
        taskService.getVariableTyped(check.getId(), ChecklistTask.VARIABLE).getValue().toString());

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
