package vn.gov.sct.onestop.attachment;

import java.time.Instant;

/**
 * A document of a dossier (thành phần hồ sơ), without its content. The file name is what the applicant
 * called it: metadata shown to clerks, never a path.
 *
 * @param completesDocument for a supplement, the catalog's required document it completes, as the applicant or
 *     clerk said; null when not said (listed under "Bổ sung khác") and for the first submission's files
 */
public record Attachment(
    String id, String dossierCode, AttachmentKind kind, String fileName, String contentType, long size,
    String sha256, Instant createdAt, String completesDocument) {}
