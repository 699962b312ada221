package vn.gov.sct.onestop.online;

/** What free text of an applicant may hold. */
final class OnlineText {

  /** One line of plain text: no markup brackets, no control characters. */
  static final String PLAIN = "[^<>\\p{Cntrl}]*";
  /** Several lines of plain text. */
  static final String PLAIN_LINES = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  private OnlineText() {}
}
