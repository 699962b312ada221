package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.form.ProcedureFields;

/**
 * Start listener of every procedure: gives the dossier its code (the business key) and writes its
 * registry row and the procedure's own field values (typed, {@link ProcedureFields}), whether a clerk started
 * it in Tasklist or an applicant submitted it online.
 */
@Component("registerDossier")
public class RegisterDossier implements ExecutionListener {

  private final DossierCodeGenerator codes;
  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;
  private final ProcedureFields fields;
  private final ZoneId zone;

  public RegisterDossier(DossierCodeGenerator codes, DossierRegistry registry, ProcedureCatalog catalog,
      ProcedureFields fields, WorkingCalendar calendar) {
    this.codes = codes;
    this.registry = registry;
    this.catalog = catalog;
    this.fields = fields;
    this.zone = calendar.zone();
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the definition the engine already holds (its deployment cache), not a repository query with its own
    // authorization check on every dossier
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    Procedure procedure = catalog.byProcessKey(processKey);
    Applicant applicant = new Applicant(requiredText(execution, APPLICANT_NAME), text(execution, APPLICANT_ID_NUMBER),
        text(execution, APPLICANT_PHONE), text(execution, APPLICANT_EMAIL), text(execution, APPLICANT_ADDRESS));
    Channel channel = channel(text(execution, CHANNEL));
    Instant now = EngineClock.now();

    String code = codes.next(now.atZone(zone).toLocalDate());
    registry.register(code, procedure.code(), procedure.division(), channel, applicant, now,
        execution.getProcessInstanceId());
    fields.record(code, procedure.code(), execution, now.atZone(zone).toLocalDate());

    execution.setProcessBusinessKey(code);
    execution.setVariable(DOSSIER_CODE, code);
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_NAME, procedure.nameVi());
    execution.setVariable(RESPONSIBLE_DIVISION, procedure.division());
    execution.setVariable(SITE_INSPECTION_REQUIRED, procedure.siteInspectionRequired());
    execution.setVariable(CHANNEL, channel.name());
    setInstant(execution, ARRIVED_AT, now);
  }

  private static Channel channel(String value) {
    if (value == null || value.isEmpty()) {
      return Channel.COUNTER;
    }
    try {
      return Channel.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Variable 'channel' must be COUNTER, ONLINE or POSTAL, not '" + value + "'");
    }
  }
}
