package vn.gov.sct.onestop.paper;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.reception.ChecklistItem;
import vn.gov.sct.onestop.reception.ReceptionChecklist;

/**
 * What the receipt lists as received. The one place that decides it: the documents the clerk ticked as received on
 * the reception checklist (name, paper form, copies, note), then the files uploaded online (electronic copies).
 */
@Component
public class ReceiptFacts {

  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;
  private final AttachmentStore attachments;
  private final ReceptionChecklist checklist;

  public ReceiptFacts(DossierRegistry registry, ProcedureCatalog catalog, AttachmentStore attachments,
      ReceptionChecklist checklist) {
    this.registry = registry;
    this.catalog = catalog;
    this.attachments = attachments;
    this.checklist = checklist;
  }

  /**
   * The received documents of the latest checklist round; a dossier accepted without a recorded checklist (a
   * completion through the engine REST API without one) lists the catalog's required documents with paper form and
   * copies left blank for the clerk to fill in by hand. Then every file uploaded with the submission or a
   * supplement (electronic copies).
   */
  public List<ReceivedDocument> documentsReceived(String dossierCode) {
    List<ReceivedDocument> documents = new ArrayList<>();
    List<ChecklistItem> items = checklist.items(dossierCode);
    if (items.isEmpty()) {
      String procedure = registry.get(dossierCode).procedureCode();
      catalog.findByCode(procedure).ifPresent(p -> p.requiredDocuments().forEach(
          name -> documents.add(new ReceivedDocument(name, true, null, null, null))));
    }
    items.stream().filter(ChecklistItem::received).forEach(item -> documents.add(new ReceivedDocument(
        item.documentName(), item.required(), item.paperFormLabel(), item.copies(), item.note())));
    attachments.list(dossierCode).forEach(a -> documents.add(new ReceivedDocument(a.fileName(), false, "Bản điện tử",
        1, a.kind() == AttachmentKind.SUPPLEMENT ? "Hồ sơ bổ sung" : "Nộp trực tuyến")));
    return documents;
  }
}
