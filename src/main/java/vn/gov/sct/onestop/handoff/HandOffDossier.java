package vn.gov.sct.onestop.handoff;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.sla.Deadlines;

/**
 * Chuyển hồ sơ: hands the dossier from the unit that holds it (the control slip's last line) to the unit named
 * by the field {@code to} and writes the control slip line. The receiving unit's share is due after the working
 * days the catalog allots to its steps, or at the date of the optional field {@code due} (the return leg uses the
 * legal due date).
 *
 * <pre>{@code
 * <bpmn:serviceTask id="handOffToTradeDivision" camunda:delegateExpression="${handOffDossier}">
 *   <camunda:field name="to" stringValue="trade-management"/>
 * }</pre>
 */
@Component("handOffDossier")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects the fields per call: one instance each
public class HandOffDossier implements JavaDelegate {

  private final ControlSlip controlSlip;
  private final DossierRegistry registry;
  private final Deadlines deadlines;
  private final ProcedureCatalog catalog;
  private final ApplicationEventPublisher events;

  /** Injected per service task by the engine. */
  private Expression to;
  private Expression due;

  public HandOffDossier(ControlSlip controlSlip, DossierRegistry registry, Deadlines deadlines,
      ProcedureCatalog catalog, ApplicationEventPublisher events) {
    this.controlSlip = controlSlip;
    this.registry = registry;
    this.deadlines = deadlines;
    this.catalog = catalog;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (to == null) {
      throw new IllegalStateException("Handoff task '" + execution.getCurrentActivityId() + "' has no field 'to'");
    }
    String target = catalog.division(String.valueOf(to.getValue(execution))).id();
    String code = requiredText(execution, DOSSIER_CODE);
    Instant now = EngineClock.now();
    Instant dueAt = due == null
        ? deadlines.unitDue(requiredText(execution, PROCEDURE_CODE), instant(execution, RECEIVED_AT), target, now)
        : ((Date) due.getValue(execution)).toInstant();
    String actor = currentUser(execution);
    String fromUnit = controlSlip.handOff(code, target, actor, now, dueAt);
    registry.markInProcess(code);
    events.publishEvent(new DossierHandedOff(code, fromUnit, target, actor, now, dueAt));
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public void setTo(Expression to) {
    this.to = to;
  }

  public void setDue(Expression due) {
    this.due = due;
  }
}
