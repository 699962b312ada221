package vn.gov.sct.onestop.paper;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierRegistry;

/**
 * What the receipt lists as received. The one place that decides it: once the reception checklist (issue 14)
 * is merged, {@link #documentsReceived} reads its items (name, required, received, paper form, copies, note).
 */
@Component
public class ReceiptFacts {

  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;
  private final AttachmentStore attachments;

  public ReceiptFacts(DossierRegistry registry, ProcedureCatalog catalog, AttachmentStore attachments) {
    this.registry = registry;
    this.catalog = catalog;
    this.attachments = attachments;
  }

  /**
   * Until the checklist exists: the catalog's required documents of the procedure (paper form and copies unknown,
   * left blank for the clerk) and every file uploaded with the submission or a supplement (electronic copies).
   */
  public List<ReceivedDocument> documentsReceived(String dossierCode) {
    List<ReceivedDocument> documents = new ArrayList<>();
    String procedure = registry.get(dossierCode).procedureCode();
    catalog.findByCode(procedure).ifPresent(p -> p.requiredDocuments().forEach(
        name -> documents.add(new ReceivedDocument(name, true, null, null, null))));
    attachments.list(dossierCode).forEach(a -> documents.add(new ReceivedDocument(a.fileName(), false, "Bản điện tử",
        1, a.kind() == AttachmentKind.SUPPLEMENT ? "Hồ sơ bổ sung" : "Nộp trực tuyến")));
    return documents;
  }
}
