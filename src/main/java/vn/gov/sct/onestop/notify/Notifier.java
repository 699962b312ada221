package vn.gov.sct.onestop.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.dossier.ContactPreferences;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.outbox.Outbox;
import vn.gov.sct.onestop.outbox.OutboxChannel;

/**
 * Writes one notification to the outbox, in the caller's (the engine's) transaction: an email rendered from its
 * template now, and for an applicant the SMS and Zalo messages of the same kind where those channels are on and
 * have an approved template for it (template id and parameters only: the dossier code, no personal data).
 */
@Component
public class Notifier {

  /**
   * The email payload's list of papers to attach, by kind ({@code receipt}: form 01), read by {@link EmailSender};
   * a mail whose template values say {@code receipt=true} carries the receipt.
   */
  public static final String ATTACHMENTS = "attachments";

  private final Outbox outbox;
  private final MailTemplates templates;
  private final NotificationProperties properties;
  private final DossierRegistry registry;

  public Notifier(Outbox outbox, MailTemplates templates, NotificationProperties properties,
      DossierRegistry registry) {
    this.outbox = outbox;
    this.templates = templates;
    this.properties = properties;
    this.registry = registry;
  }

  /** To the applicant, on the channels they chose and can be reached on. */
  void applicant(Dossier d, String kind, Map<String, Object> values) {
    ContactPreferences wanted = registry.contactPreferences(d.code());
    if (wanted.email()) {
      email(d.code(), d.applicant().email(), kind, values);
    }
    String phone = d.applicant().phone();
    if (wanted.sms() && phone != null && !phone.isBlank()) {
      templated(OutboxChannel.SMS, properties.sms(), d.code(), phone, kind);
      templated(OutboxChannel.ZALO, properties.zalo(), d.code(), phone, kind);
    }
  }

  void email(String code, String to, String kind, Map<String, Object> values) {
    if (!properties.email().enabled() || to == null || to.isBlank()) {
      return;
    }
    MailTemplates.Mail mail = templates.render(kind, values);
    Map<String, Object> payload = new HashMap<>();
    payload.put("to", to);
    payload.put("subject", mail.subject());
    payload.put("body", mail.body());
    payload.put(ATTACHMENTS, Boolean.TRUE.equals(values.get("receipt")) ? List.of("receipt") : List.of());
    outbox.add(OutboxChannel.EMAIL, code, to, kind, payload);
  }

  private void templated(OutboxChannel channel, NotificationProperties.Gateway gateway, String code, String phone,
      String kind) {
    String templateId = gateway.templates().get(kind);
    if (!gateway.enabled() || templateId == null) {
      return;
    }
    outbox.add(channel, code, phone, kind, Map.of("phone", phone, "templateId", templateId,
        "params", Map.of("ma_ho_so", code)));
  }
}
