package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * Service task {@code recordResult}: the office has numbered and stamped the signed result; processing is
 * complete, and the dossier is classified early, on time or late against its legal due date.
 */
@Component("recordResult")
public class RecordResult implements JavaDelegate {

  private final DossierRegistry registry;
  private final WorkingCalendar calendar;

  public RecordResult(DossierRegistry registry, WorkingCalendar calendar) {
    this.registry = registry;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    Outcome outcome = "REFUSE".equals(requiredText(execution, APPRAISAL_PROPOSAL)) ? Outcome.REFUSED : Outcome.APPROVED;
    Timeliness timeliness = calendar.classify(now, instant(execution, DUE_AT));
    registry.markFinished(requiredText(execution, DOSSIER_CODE), DossierStatus.COMPLETED, outcome,
        timeliness.name(), now);
    execution.setVariable("outcome", outcome.name());
    execution.setVariable("timeliness", timeliness.name());
  }
}
