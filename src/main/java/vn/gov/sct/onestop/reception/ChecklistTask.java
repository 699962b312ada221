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
 * On creation the task's execution gets the documents to tick ({@value #DOCUMENTS}, the catalog's or, after a
 * supplement, the previous round's, with its ticks), shown by the form's checkbox groups. (Not a dynamic list:
 * in Tasklist 7.24 any change inside a form-js dynamic list leaves an empty error entry that disables the Complete
 * button.) On completion with {@value #REVIEWED} true (the form's confirmation box) the list is checked and stored as the
 * next round of {@link ReceptionChecklist}; accepting with a required document not received needs a note on
 * it, and a supplement request starts with the documents not received. A completion without
 * {@value #REVIEWED} (an API client that does not use the checklist) records none.
 */
@Component("checklistTask")
public class ChecklistTask {

  /** An API client's checklist: a JSON list of {name, received, paperForm, copies, note}. */
  public static final String VARIABLE = "checklist";
  public static final String REVIEWED = "checklistReviewed";
  /** The form's fields: the documents offered (JSON list of names), the ticked ones, the reason, the added ones. */
  public static final String DOCUMENTS = "checklistDocuments";
  public static final String RECEIVED = "checklistReceived";
  public static final String CERTIFIED = "checklistCertified";
  public static final String COPIES = "checklistCopies";
  public static final String ADDED = "checklistAdded";
  public static final String NOTE = "checklistNote";

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

  public void offer(DelegateTask task) {
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    List<ChecklistItem> previous = checklists.items(code);
    List<String> names = previous.isEmpty() ? documents(task, code) : previous.stream().map(ChecklistItem::documentName).toList();
    // on the task's scope execution, not task-local: Tasklist's form submission (task variables) and the REST
    // API's completion (execution variables) then both overwrite these values, and nothing shadows theirs
    VariableScope scope = task.getExecution();
    scope.setVariableLocal(DOCUMENTS, jsonList(names));
    scope.setVariableLocal(RECEIVED, jsonList(previous.stream().filter(ChecklistItem::received)
        .map(ChecklistItem::documentName).toList()));
    scope.setVariableLocal(CERTIFIED, jsonList(previous.stream().filter(i -> i.paperForm() == PaperForm.CERTIFIED_COPY)
        .map(ChecklistItem::documentName).toList()));
    scope.setVariableLocal(COPIES, jsonList(previous.stream().filter(i -> i.paperForm() == PaperForm.COPY)
        .map(ChecklistItem::documentName).toList()));
    // a new round starts without the previous round's additions (now among the documents) and reason
    scope.setVariableLocal(ADDED, null);
    scope.setVariableLocal(NOTE, null);
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
      throw new TaskInputException(task, task.getVariable(VARIABLE) != null ? VARIABLE : RECEIVED,
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
   * The form's fields as the list {@link ChecklistRules#read} takes: each offered document received or not, a copy
   * or a certified copy where ticked (otherwise the original), one copy each; the documents the clerk added, one a
   * line, received; the reason to accept without a required document on each such document.
   */
  private JsonNode fromForm(DelegateTask task) {
    List<String> received = strings(task, RECEIVED);
    List<String> certified = strings(task, CERTIFIED);
    List<String> copies = strings(task, COPIES);
    String note = DossierVariables.text(task, NOTE);
    ArrayNode list = json.createArrayNode();
    for (String name : strings(task, DOCUMENTS)) {
      boolean got = received.contains(name);
      String form = !got ? null : certified.contains(name) ? "CERTIFIED_COPY" : copies.contains(name) ? "COPY" : "ORIGINAL";
      ObjectNode item = list.addObject().put("name", name).put("received", got).put("paperForm", form)
          .put("copies", got ? 1 : 0);
      if (!got && note != null && !note.isBlank()) {
        item.put("note", note);
      }
    }
    String added = DossierVariables.text(task, ADDED);
    if (added != null) {
      List<String> offered = strings(task, DOCUMENTS);
      added.lines().map(String::strip).filter(line -> !line.isEmpty() && !offered.contains(line)).distinct().forEach(name ->
          list.addObject().put("name", name).put("received", true).put("paperForm", "ORIGINAL").put("copies", 1));
    }
    return list;
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
