package vn.gov.sct.onestop.dossier;

/** Kết quả giải quyết: what the department decided on a dossier. */
public enum Outcome {
  /** The licence, certificate or confirmation was issued. */
  APPROVED("Chấp thuận"),
  /** A reasoned refusal was issued, at reception or after appraisal. */
  REFUSED("Từ chối"),
  /** The applicant withdrew, or did not supplement in time. */
  WITHDRAWN("Rút hồ sơ");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
