package vn.gov.sct.onestop.sla;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.DossierProperties;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * Service task {@code requestAppraisalSupplement}: the specialist asked, once and in writing, for missing
 * documents during appraisal. The legal clock stops now ({@code pausedAt}); the dossier's status becomes 5
 * (supplement requested) until {@link ResumeProcessing}.
 */
@Component("requestAppraisalSupplement")
public class RequestAppraisalSupplement implements JavaDelegate {

  private final DossierRegistry registry;
  private final WorkingCalendar calendar;
  private final BigDecimal timeLimitDays;

  public RequestAppraisalSupplement(DossierRegistry registry, WorkingCalendar calendar,
      DossierProperties properties) {
    this.registry = registry;
    this.calendar = calendar;
    this.timeLimitDays = BigDecimal.valueOf(properties.reception().supplementTimeLimitDays());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String missing = requiredText(execution, APPRAISAL_NOTE);
    Instant now = EngineClock.now();
    registry.setStatus(requiredText(execution, DOSSIER_CODE), DossierStatus.SUPPLEMENT_REQUESTED, missing);
    setInstant(execution, PAUSED_AT, now);
    setInstant(execution, SUPPLEMENT_DEADLINE, calendar.addWorkingDays(now, timeLimitDays));
  }
}
