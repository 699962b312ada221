package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.handoff.ControlSlip;

/** Service task {@code closeDossier} of {@code common/result-return}: the result was handed to the applicant. */
@Component("closeDossier")
public class CloseDossier implements JavaDelegate {

  private final DossierRegistry registry;
  private final ControlSlip controlSlip;

  public CloseDossier(DossierRegistry registry, ControlSlip controlSlip) {
    this.registry = registry;
    this.controlSlip = controlSlip;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = requiredText(execution, DOSSIER_CODE);
    registry.markReturned(code, EngineClock.now());
    controlSlip.closeOpenEntry(code, EngineClock.now());
  }
}
