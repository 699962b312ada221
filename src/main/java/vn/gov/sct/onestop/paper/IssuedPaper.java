package vn.gov.sct.onestop.paper;

import java.time.Instant;

/** One issued paper of a dossier: its frozen data (JSON) and, once rendered, the SHA-256 of its PDF. */
public record IssuedPaper(String dossierCode, PaperKind kind, int seq, String formEdition, String formNumber,
    String number, Instant issuedAt, String issuedBy, String data, String dataSha256, String pdfSha256) {}
