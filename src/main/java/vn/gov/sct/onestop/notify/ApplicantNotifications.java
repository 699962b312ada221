package vn.gov.sct.onestop.notify;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierEvent;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.identity.StaffGroups;

/**
 * Thông báo cho tổ chức, cá nhân: what the one-stop section must tell the applicant (received with the appointment
 * date, supplement requested with what is missing, refused with the reason, an apology with the new date, result
 * ready and how to get it, returned), written to the outbox in the step's transaction. The board hears of every
 * apology too.
 */
@Component
public class ApplicantNotifications {

  private final DossierRegistry registry;
  private final Recipients recipients;
  private final Notifier notifier;

  public ApplicantNotifications(DossierRegistry registry, Recipients recipients, Notifier notifier) {
    this.registry = registry;
    this.recipients = recipients;
    this.notifier = notifier;
  }

  @EventListener
  public void statusChanged(DossierEvent.StatusChanged event) {
    String kind = switch (event.status()) {
      case RECEIVED -> "dossier-received";
      case SUPPLEMENT_REQUESTED -> "supplement-requested";
      case NOT_RECEIVED -> "refused";
      case COMPLETED -> "result-ready";
      case RETURNED -> "returned";
      default -> null;
    };
    if (kind == null) {
      return;
    }
    Dossier d = registry.get(event.code());
    if (!reachable(d)) {
      return;
    }
    Map<String, Object> values = recipients.values(d);
    values.put("note", event.note() == null ? "" : event.note());
    values.put("outcome", d.outcome() == null ? "" : d.outcome().label().toLowerCase(java.util.Locale.ROOT));
    values.put("receipt", "dossier-received".equals(kind)); // the receipt (form 01) travels with the mail of reception
    notifier.applicant(d, kind, values);
  }

  @EventListener
  public void rescheduled(DossierEvent.Rescheduled event) {
    Dossier d = registry.get(event.code());
    Map<String, Object> values = recipients.values(d);
    values.put("note", event.reason() == null ? "" : event.reason());
    values.put("newDueAt", recipients.date(event.newDueAt()));
    notifier.applicant(d, "apology", values);
    for (String boardMember : recipients.emailsOfGroup(StaffGroups.BOARD)) {
      notifier.email(d.code(), boardMember, "board-apology", values);
    }
  }

  /** Whether the applicant left an email address or a phone number: otherwise there is nothing to render. */
  private static boolean reachable(Dossier d) {
    return d.applicant().email() != null && !d.applicant().email().isBlank()
        || d.applicant().phone() != null && !d.applicant().phone().isBlank();
  }
}
