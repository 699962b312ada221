package vn.gov.sct.onestop.dossier;

/** Hình thức nộp hồ sơ: how a dossier reached the department. */
public enum Channel {
  COUNTER("Trực tiếp"),
  ONLINE("Trực tuyến"),
  POSTAL("Bưu chính");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
