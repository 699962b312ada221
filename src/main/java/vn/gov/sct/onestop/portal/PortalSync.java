package vn.gov.sct.onestop.portal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierEvent;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.handoff.DossierHandedOff;
import vn.gov.sct.onestop.outbox.Outbox;
import vn.gov.sct.onestop.outbox.OutboxChannel;

/**
 * Đồng bộ hồ sơ: every status change of a dossier (its registration included) and every handoff between units
 * becomes an outbox row for the portal, written in the step's own transaction. All of a dossier's rows form one
 * stream, so the receiver gets them in order and an error holds only that dossier's later rows.
 */
@Component
public class PortalSync {

  /** The recipient name of the portal's rows (one receiver, configured by {@link PortalProperties#url()}). */
  public static final String RECIPIENT = "portal";

  private final PortalProperties properties;
  private final Outbox outbox;
  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;

  public PortalSync(PortalProperties properties, Outbox outbox, DossierRegistry registry, ProcedureCatalog catalog) {
    this.properties = properties;
    this.outbox = outbox;
    this.registry = registry;
    this.catalog = catalog;
  }

  @EventListener
  public void statusChanged(DossierEvent.StatusChanged event) {
    if (!properties.enabled()) {
      return;
    }
    Dossier d = registry.get(event.code());
    Map<String, Object> body = PortalFields.dossier(d, catalog.byCode(d.procedureCode()),
        catalog.division(d.division()).name(), event.status(), event.note(),
        event.status() != DossierStatus.NEWLY_REGISTERED);
    outbox.add(OutboxChannel.PORTAL, d.code(), RECIPIENT, PortalFields.SYNC_DOSSIER, body);
  }

  @EventListener
  public void handedOff(DossierHandedOff event) {
    if (!properties.enabled()) {
      return;
    }
    Dossier d = registry.get(event.code());
    String from = catalog.division(event.fromUnit()).name();
    String to = catalog.division(event.toUnit()).name();
    outbox.add(OutboxChannel.PORTAL, d.code(), RECIPIENT, PortalFields.SYNC_STEP, PortalFields.step(d.code(),
        event.actor(), event.at(), to, "Chuyển hồ sơ từ " + from + " đến " + to, d.status(), event.dueAt()));
  }
}
