package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.sla.Deadlines;

/**
 * Service task {@code acceptDossier} of {@code common/reception}: the dossier is complete; it is received,
 * and the receipt's return date is the legal deadline in working days from its arrival.
 */
@Component("acceptDossier")
public class AcceptDossier implements JavaDelegate {

  private final DossierRegistry registry;
  private final Deadlines deadlines;

  public AcceptDossier(DossierRegistry registry, Deadlines deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = requiredText(execution, DOSSIER_CODE);
    Deadlines.LegalDeadline deadline = deadlines.legalDeadline(
        requiredText(execution, PROCEDURE_CODE), instant(execution, ARRIVED_AT));
    registry.markReceived(code, deadline.receivedAt(), deadline.dueAt(), deadline.workingDays());
    registry.markDueProvisional(code, deadline.provisional());
    setInstant(execution, RECEIVED_AT, deadline.receivedAt());
    setInstant(execution, DUE_AT, deadline.dueAt());
    execution.setVariable(DEADLINE_DAYS, deadline.workingDays().doubleValue());
    execution.setVariable(RECEPTION_OUTCOME, "ACCEPTED");
  }
}
