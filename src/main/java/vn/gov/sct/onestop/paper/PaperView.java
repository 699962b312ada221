package vn.gov.sct.onestop.paper;

import java.time.Instant;

/**
 * One issued paper as the staff API shows it: its kind (slug) and name, number, form, when and by whom, the SHA-256
 * of its PDF once rendered, and {@code href}, the staff link that serves the PDF.
 */
public record PaperView(String kind, String label, int seq, String number, String formEdition, String formNumber,
    Instant issuedAt, String issuedBy, String pdfSha256, String href) {

  static PaperView of(IssuedPaper p) {
    return new PaperView(p.kind().slug(), p.kind().label(), p.seq(), p.number(), p.formEdition(), p.formNumber(),
        p.issuedAt(), p.issuedBy(), p.pdfSha256(),
        "/api/v1/dossiers/" + p.dossierCode() + "/documents/" + p.kind().slug() + "?n=" + p.seq());
  }
}
