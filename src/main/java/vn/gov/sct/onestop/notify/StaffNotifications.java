package vn.gov.sct.onestop.notify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierVariables;
import vn.gov.sct.onestop.sla.SlaEvent;
import vn.gov.sct.onestop.sla.SlaEventKind;

/**
 * Thông báo cho cán bộ: a specialist to whom someone else assigned a dossier's task (the head's assignment, a
 * leader sending it back; not a user claiming a task), and the heads of the unit whose step of a dossier is
 * overdue. The engine publishes its task events to Spring inside its transaction (Camunda's Spring Boot eventing,
 * on by default); the SLA events come from {@code SlaEvents}.
 */
@Component
public class StaffNotifications {

  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;
  private final Recipients recipients;
  private final Notifier notifier;

  public StaffNotifications(DossierRegistry registry, ProcedureCatalog catalog, Recipients recipients,
      Notifier notifier) {
    this.registry = registry;
    this.catalog = catalog;
    this.recipients = recipients;
    this.notifier = notifier;
  }

  @EventListener
  public void taskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) || task.getAssignee() == null) {
      return;
    }
    Object code = task.getVariable(DossierVariables.DOSSIER_CODE);
    Authentication actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (code == null || actor != null && task.getAssignee().equals(actor.getUserId())) {
      return;
    }
    String to = recipients.emailOfUser(task.getAssignee());
    if (to == null) {
      return;
    }
    Dossier d = registry.get(code.toString());
    Map<String, Object> values = recipients.values(d);
    values.put("assignee", task.getAssignee());
    values.put("step", task.getName());
    values.put("dueAt", task.getDueDate() == null ? recipients.date(d.dueAt())
        : recipients.date(task.getDueDate().toInstant()));
    notifier.email(d.code(), to, "staff-assigned", values);
  }

  @EventListener
  public void slaEvent(SlaEvent event) {
    if (event.kind() != SlaEventKind.OVERDUE) {
      return;
    }
    Dossier d = registry.get(event.dossierCode());
    String unit = d.receivedAt() == null ? d.division() : catalog.byCode(d.procedureCode())
        .deadlineOn(d.receivedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())
        .allotment(event.step()).map(a -> a.unit()).orElse(d.division());
    Map<String, Object> values = recipients.values(d);
    values.put("unitName", recipients.unitName(unit));
    values.put("step", event.detail() == null ? event.step() : event.detail());
    for (String head : recipients.emailsOfGroup(catalog.division(unit).leadGroupId())) {
      notifier.email(d.code(), head, "staff-overdue", values);
    }
  }
}
