package vn.gov.sct.onestop.online;

import vn.gov.sct.onestop.attachment.Attachment;

/**
 * A stored document as the applicant sees it: enough to check that the upload arrived intact, and for a
 * supplement the required document it completes (null when not said).
 */
public record AttachmentView(String id, String kind, String fileName, String contentType, long size, String sha256,
    String completesDocument) {

  static AttachmentView of(Attachment a) {
    return new AttachmentView(a.id(), a.kind().name(), a.fileName(), a.contentType(), a.size(), a.sha256(),
        a.completesDocument());
  }
}
