package vn.gov.sct.onestop.reception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
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
 * On creation the task's execution gets the list to fill in ({@value #VARIABLE}, JSON, a dynamic list in the form). On
 * completion with {@value #REVIEWED} true (the form's confirmation box) the list is checked and stored as the
 * next round of {@link ReceptionChecklist}; accepting with a required document not received needs a note on
 * it, and a supplement request starts with the documents not received. A completion without
 * {@value #REVIEWED} (an API client that does not use the checklist) records none.
 */
@Component("checklistTask")
public class ChecklistTask {

  public static final String VARIABLE = "checklist";
  public static final String REVIEWED = "checklistReviewed";

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
    // on the task's scope execution, not task-local: Tasklist's form submission (task variables) and the REST
    // API's completion (execution variables) then both overwrite this one value, and nothing shadows theirs
    task.getExecution().setVariableLocal(VARIABLE, SpinValues.jsonValue(
        ChecklistRules.offer(documents(code), checklists.items(code)).toString()).create());
  }

  public void record(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(REVIEWED))) {
      return;
    }
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    ChecklistRules.Read read = ChecklistRules.read(parse(task), documents(code));
    List<String> problems = read.problems();
    String decision = DossierVariables.text(task, DossierVariables.RECEPTION_DECISION);
    if (problems.isEmpty() && "ACCEPT".equals(decision)) {
      problems = ChecklistRules.acceptanceProblems(read.items());
    }
    if (!problems.isEmpty()) {
      throw new TaskInputException(task, VARIABLE, String.join("; ", problems));
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

  private List<String> documents(String code) {
    return catalog.byCode(registry.get(code).procedureCode()).requiredDocuments();
  }

  private JsonNode parse(DelegateTask task) {
    Object value = task.getVariable(VARIABLE);
    if (value == null) {
      throw new TaskInputException(task, VARIABLE, "is required when " + REVIEWED + " is true");
    }
    try {
      return json.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new TaskInputException(task, VARIABLE, "must be a JSON list of documents");
    }
  }
}
