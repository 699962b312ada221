package vn.gov.sct.onestop.reception;

import static org.camunda.spin.Spin.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierVariables;
import vn.gov.sct.onestop.dossier.TaskOutcomes.TaskInputException;

/**
 * The checklist of the completeness check (kiểm tra thành phần hồ sơ), as listeners of task
 * {@code checkCompleteness}:
 *
 * <pre>{@code
 * <camunda:taskListener event="create" expression="${checklistTask.offer(task)}" />
 * <camunda:taskListener event="complete" expression="${checklistTask.record(task)}" />
 * }</pre>
 *
 * On creation the task's execution gets the documents to check ({@value #DOCUMENTS}: the catalog's or, after a
 * supplement, the previous round's) and, for the document in row i, the values of the form's fixed row
 * {@code checklistDoc<i>Received / Form / Copies} (received, paper form, number of copies). Below them the form has
 * {@value #OTHER_ROWS} rows {@code checklistOther<j>Name / Form / Copies} for documents the catalog does not name.
 * Why fixed rows and not a form-js dynamic list: in Tasklist 7.24 any change inside a dynamic list leaves an
 * empty error entry that keeps the Complete button disabled; plain fields, hidden where the procedure has fewer
 * documents, do not. {@code ChecklistFormTest} checks the form has the rows this class reads and that no
 * procedure of the catalog needs more than {@value #DOCUMENT_ROWS}.
 *
 * <p>On completion with {@value #REVIEWED} true (the form's confirmation box) the list is checked and stored as
 * the next round of {@link ReceptionChecklist}; accepting with a required document not received needs a note on
 * it, and a supplement request starts with the documents not received. An API client may send the whole list as
 * JSON {@value #VARIABLE} instead. A completion without {@value #REVIEWED} records none.
 */
@Component("checklistTask")
public class ChecklistTask {

  /** An API client's checklist: a JSON list of {name, received, paperForm, copies, note}. */
  public static final String VARIABLE = "checklist";
  public static final String REVIEWED = "checklistReviewed";
  /** The documents offered, a JSON list of names; row i of the form shows the i-th. */
  public static final String DOCUMENTS = "checklistDocuments";
  public static final String NOTE = "checklistNote";
  /** Rows of the form for the offered documents, and for documents the clerk adds. */
  public static final int DOCUMENT_ROWS = 10;
  public static final int OTHER_ROWS = 3;

  private final ReceptionChecklist checklists;
  private final ProcedureCatalog catalog;
  private final DossierRegistry registry;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  public ChecklistTask(ReceptionChecklist checklists, ProcedureCatalog catalog, DossierRegistry registry,
      IdentityService identity) {
    this.checklists = checklists;
    this.catalog = catalog;
    this.registry = registry;
    this.identity = identity;
  }

  /** The form's variable of document row {@code row} (1-based): Received, Form or Copies. */
  public static String documentField(int row, String part) {
    return "checklistDoc" + row + part;
  }

  /** The form's variable of the clerk's added row {@code row} (1-based): Name, Form or Copies. */
  public static String otherField(int row, String part) {
    return "checklistOther" + row + part;
  }

  public void offer(DelegateTask task) {
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    List<ChecklistItem> previous = checklists.items(code);
    List<ChecklistItem> offered = ChecklistRules.offer(previous.isEmpty() ? documents(task, code) : List.of(), previous);
    // a previous round longer than the form's rows (added documents over several rounds) is cut: the clerk writes
    // the rest among the added documents
    offered = offered.subList(0, Math.min(offered.size(), DOCUMENT_ROWS));
    // on the task's scope execution, not task-local: Tasklist's form submission (task variables) and the REST
    // API's completion (execution variables) then both overwrite these values, and nothing shadows theirs
    VariableScope scope = task.getExecution();
    scope.setVariableLocal(DOCUMENTS, jsonList(offered.stream().map(ChecklistItem::documentName).toList()));
    for (int row = 1; row <= offered.size(); row++) {
      ChecklistItem item = offered.get(row - 1);
      scope.setVariableLocal(documentField(row, "Received"), item.received());
      scope.setVariableLocal(documentField(row, "Form"), item.paperForm().name());
      scope.setVariableLocal(documentField(row, "Copies"), item.copies());
    }
    if (!previous.isEmpty()) {
      // a new round starts without the previous round's additions (now among the documents) and reason
      for (int row = 1; row <= OTHER_ROWS; row++) {
        for (String part : List.of("Name", "Form", "Copies")) {
          scope.setVariableLocal(otherField(row, part), null);
        }
      }
      scope.setVariableLocal(NOTE, null);
    }
  }

  public void record(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(REVIEWED))) {
      return;
    }
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    JsonNode submitted = task.getVariable(VARIABLE) != null ? parse(task, VARIABLE) : fromForm(task);
    ChecklistRules.Read read = ChecklistRules.read(submitted, documents(task, code));
    List<String> problems = read.problems();
    String decision = DossierVariables.text(task, DossierVariables.RECEPTION_DECISION);
    if (problems.isEmpty() && "ACCEPT".equals(decision)) {
      problems = ChecklistRules.acceptanceProblems(read.items());
    }
    if (!problems.isEmpty()) {
      throw new TaskInputException(task, task.getVariable(VARIABLE) != null ? VARIABLE : documentField(1, "Received"),
          String.join("; ", problems));
    }
    String user = identity.getCurrentAuthentication() == null ? task.getAssignee()
        : identity.getCurrentAuthentication().getUserId();
    checklists.record(code, read.items(), user);
    List<String> missing = ChecklistRules.missing(read.items());
    if ("SUPPLEMENT".equals(decision) && !missing.isEmpty()) {
      // the supplement request (form 02) names the documents not received, before the clerk's guidance
      String note = DossierVariables.text(task, DossierVariables.RECEPTION_NOTE);
      String prefix = "Thành phần hồ sơ cần bổ sung: " + String.join("; ", missing) + ".";
      if (note == null || !note.startsWith(prefix)) {
        task.setVariable(DossierVariables.RECEPTION_NOTE, note == null || note.isBlank() ? prefix : prefix + "\n" + note);
      }
    }
  }

  /**
   * The form's rows as the list {@link ChecklistRules#read} takes: each offered document received or not, in the
   * form and number of copies of its row; each added row with a name, received; the reason to accept without a
   * required document on each such document. Values the rules refuse (a form that is no paper form, 0 copies)
   * are passed on as they came, so the refusal names them.
   */
  private JsonNode fromForm(DelegateTask task) {
    String note = DossierVariables.text(task, NOTE);
    ArrayNode list = json.createArrayNode();
    List<String> offered = strings(task, DOCUMENTS);
    for (int row = 1; row <= offered.size() && row <= DOCUMENT_ROWS; row++) {
      boolean got = Boolean.TRUE.equals(task.getVariable(documentField(row, "Received")));
      ObjectNode item = list.addObject().put("name", offered.get(row - 1)).put("received", got);
      if (got) {
        item.put("paperForm", DossierVariables.text(task, documentField(row, "Form")));
        copies(item, task.getVariable(documentField(row, "Copies")));
      } else if (note != null && !note.isBlank()) {
        item.put("note", note);
      }
    }
    for (int row = 1; row <= OTHER_ROWS; row++) {
      String name = DossierVariables.text(task, otherField(row, "Name"));
      if (name == null || name.isBlank()) {
        continue;
      }
      String form = DossierVariables.text(task, otherField(row, "Form"));
      ObjectNode item = list.addObject().put("name", name.strip()).put("received", true)
          .put("paperForm", form == null ? PaperForm.ORIGINAL.name() : form);
      copies(item, task.getVariable(otherField(row, "Copies")));
    }
    return list;
  }

  /** form-js sends a number field as a number (Long or Double); an empty one is absent (then one copy). */
  private static void copies(ObjectNode item, Object value) {
    if (value instanceof Number number) {
      item.put("copies", number.doubleValue() == Math.rint(number.doubleValue()) ? number.longValue() : -1);
    } else {
      item.put("copies", 1);
    }
  }

  private List<String> strings(DelegateTask task, String name) {
    if (task.getVariable(name) == null) {
      return List.of();
    }
    JsonNode node = parse(task, name);
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.isObject() ? v.path("value").asText() : v.asText()));
    return values;
  }

  private SpinJsonNode jsonList(List<String> values) {
    ArrayNode list = json.createArrayNode();
    values.forEach(list::add);
    return JSON(list.toString());
  }

  /**
   * The catalog's documents of the dossier's procedure: its code is a variable of every reception (the procedures
   * pass all their variables in), so the registry row is read only when it is missing.
   */
  private List<String> documents(DelegateTask task, String code) {
    String procedure = DossierVariables.text(task, DossierVariables.PROCEDURE_CODE);
    return catalog.byCode(procedure != null ? procedure : registry.get(code).procedureCode()).requiredDocuments();
  }

  private JsonNode parse(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    try {
      JsonNode node = json.readTree(value.toString());
      if (!node.isArray()) {
        throw new TaskInputException(task, name, "must be a JSON list");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new TaskInputException(task, name, "must be a JSON list");
    }
  }
}
