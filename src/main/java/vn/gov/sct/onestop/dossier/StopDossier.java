package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.gov.sct.onestop.EngineClock;

/** Ends a dossier at reception: refused (form 03) or withdrawn. */
abstract class StopDossier implements JavaDelegate {

  private final DossierRegistry registry;
  private final DossierStatus status;
  private final Outcome outcome;
  private final boolean reasonRequired;

  StopDossier(DossierRegistry registry, DossierStatus status, Outcome outcome, boolean reasonRequired) {
    this.registry = registry;
    this.status = status;
    this.outcome = outcome;
    this.reasonRequired = reasonRequired;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = reasonRequired ? requiredText(execution, RECEPTION_NOTE) : text(execution, RECEPTION_NOTE);
    registry.markFinished(requiredText(execution, DOSSIER_CODE), status, outcome, null, EngineClock.now(), reason);
    execution.setVariable(RECEPTION_OUTCOME, outcome.name());
  }
}
