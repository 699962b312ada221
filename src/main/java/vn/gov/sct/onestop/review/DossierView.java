package vn.gov.sct.onestop.review;

import java.time.ZoneId;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierVariables;
import vn.gov.sct.onestop.form.ProcedureFields;

/**
 * Create listener of every task where a person judges the dossier (completeness check, appraisal, approval,
 * receiving a supplement): puts on the task what its form shows of the dossier, as two task-local text
 * variables that the form's text views render:
 *
 * <ul>
 *   <li>{@value #DOCUMENTS}: the documents, with links that open them in the browser ({@link DocumentList});
 *   <li>{@value #FIELDS}: the procedure's own fields, read-only ({@link FieldList}).
 * </ul>
 *
 * Read from our tables by dossier code, so a called process needs no variable mapping for them. In the BPMN:
 * {@code <camunda:taskListener event="create" delegateExpression="${dossierView}" />}.
 */
@Component("dossierView")
public class DossierView implements TaskListener {

  public static final String DOCUMENTS = "dossierDocuments";
  public static final String FIELDS = "dossierFields";

  /** Whether a task-local variable of this name is one of the views this listener puts on a task. */
  public static boolean isView(String variableName) {
    return DOCUMENTS.equals(variableName) || FIELDS.equals(variableName);
  }

  private final AttachmentStore attachments;
  private final ProcedureFields fields;
  private final DossierRegistry registry;
  private final ZoneId zone;
  private final TaskService tasks;
  private final ProcedureCatalog catalog;

  public DossierView(AttachmentStore attachments, ProcedureFields fields, DossierRegistry registry,
      WorkingCalendar calendar, ProcedureCatalog catalog, @Lazy TaskService tasks) {
    this.tasks = tasks;
    this.catalog = catalog;
    this.attachments = attachments;
    this.fields = fields;
    this.registry = registry;
    this.zone = calendar.zone();
  }

  @Override
  public void notify(DelegateTask task) {
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    String procedure = registry.get(code).procedureCode();
    task.setVariableLocal(DOCUMENTS, documents(code));
    task.setVariableLocal(FIELDS, FieldList.markdown(fields.fields(procedure), fields.values(code)));
  }

  /**
   * Lists the documents again on the dossier's open tasks that show them: an online submission stores its files
   * after the process started (the code comes from the start), so after its first task was created.
   */
  public void refreshDocuments(String dossierCode) {
    String documents = documents(dossierCode);
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(dossierCode).active().list()) {
      if (tasks.getVariableLocal(task.getId(), DOCUMENTS) != null) {
        tasks.setVariableLocal(task.getId(), DOCUMENTS, documents);
      }
    }
  }

  private String documents(String code) {
    return DocumentList.markdown(code, attachments.list(code),
        catalog.byCode(registry.get(code).procedureCode()).requiredDocuments(), zone);
  }
}
