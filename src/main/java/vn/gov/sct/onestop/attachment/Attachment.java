package vn.gov.sct.onestop.attachment;

import java.time.Instant;

/**
 * A document of a dossier (thành phần hồ sơ), without its content. The file name is what the applicant
 * called it: metadata shown to clerks, never a path.
 */
public record Attachment(
    String id, String dossierCode, AttachmentKind kind, String fileName, String contentType, long size,
    String sha256, Instant createdAt) {}
