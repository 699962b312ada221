package vn.gov.sct.onestop.review;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

  private final AttachmentStore attachments;
  private final ProcedureFields fields;
  private final DossierRegistry registry;
  private final ZoneId zone;

  public DossierView(AttachmentStore attachments, ProcedureFields fields, DossierRegistry registry,
      WorkingCalendar calendar) {
    this.attachments = attachments;
    this.fields = fields;
    this.registry = registry;
    this.zone = calendar.zone();
  }

  @Override
  public void notify(DelegateTask task) {
    String code = DossierVariables.requiredText(task, DossierVariables.DOSSIER_CODE);
    String procedure = registry.get(code).procedureCode();
    task.setVariableLocal(DOCUMENTS, DocumentList.markdown(code, attachments.list(code), zone));
    task.setVariableLocal(FIELDS, FieldList.markdown(fields.fields(procedure), fields.values(code)));
  }
}
