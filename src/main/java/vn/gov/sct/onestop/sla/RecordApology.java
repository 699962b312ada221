package vn.gov.sct.onestop.sla;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.dossier.DossierRegistry;

/**
 * Service task {@code recordApology}: the responsible unit sent the apology with a new appointment date
 * (form 04). The new date goes on the dossier row; the legal due date stays, so the dossier is still
 * classified late against it.
 */
@Component("recordApology")
public class RecordApology implements JavaDelegate {

  private final DossierRegistry registry;
  private final SlaEvents events;

  public RecordApology(DossierRegistry registry, SlaEvents events) {
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = requiredText(execution, DOSSIER_CODE);
    Instant newDue = instant(execution, NEW_DUE_AT);
    Instant now = EngineClock.now();
    if (!newDue.isAfter(now)) {
      throw new IllegalArgumentException("Variable 'newDueAt' (" + newDue + ") must be a date after now (" + now + ")");
    }
    String reason = requiredText(execution, APOLOGY_REASON);
    registry.markRescheduled(code, newDue, reason);
    events.record(code, "issueApology", SlaEventKind.APOLOGY, now, "Hẹn lại " + newDue + ": " + reason);
  }
}
