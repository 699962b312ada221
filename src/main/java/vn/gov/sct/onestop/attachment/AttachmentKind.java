package vn.gov.sct.onestop.attachment;

/** Why a file belongs to a dossier. */
public enum AttachmentKind {
  /** Thành phần hồ sơ nộp lần đầu. */
  SUBMISSION,
  /** Hồ sơ bổ sung theo yêu cầu. */
  SUPPLEMENT
}
