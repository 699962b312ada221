package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;

/**
 * Service task {@code recordSupplement}: the supplement arrived; the dossier waits for a new completeness
 * check, and the legal clock will count from this arrival.
 */
@Component("recordSupplement")
public class RecordSupplement implements JavaDelegate {

  private final DossierRegistry registry;

  public RecordSupplement(DossierRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.setStatus(requiredText(execution, DOSSIER_CODE), DossierStatus.NEWLY_REGISTERED);
    setInstant(execution, ARRIVED_AT, EngineClock.now());
  }
}
