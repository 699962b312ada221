package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * Service task {@code requestSupplement}: the dossier is incomplete; the applicant is asked once, in
 * writing (form 02), to supplement it within the configured number of working days.
 */
@Component("requestSupplement")
public class RequestSupplement implements JavaDelegate {

  private final DossierRegistry registry;
  private final WorkingCalendar calendar;
  private final BigDecimal timeLimitDays;

  public RequestSupplement(DossierRegistry registry, WorkingCalendar calendar, DossierProperties properties) {
    this.registry = registry;
    this.calendar = calendar;
    this.timeLimitDays = BigDecimal.valueOf(properties.reception().supplementTimeLimitDays());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String missing = requiredText(execution, RECEPTION_NOTE);
    registry.setStatus(requiredText(execution, DOSSIER_CODE), DossierStatus.SUPPLEMENT_REQUESTED, missing);
    setInstant(execution, SUPPLEMENT_DEADLINE, calendar.addWorkingDays(EngineClock.now(), timeLimitDays));
  }
}
