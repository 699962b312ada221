package vn.gov.sct.onestop.calendar;

/** Whether a step or a dossier finished before, on or after its deadline (form 05's last column). */
public enum Timeliness {
  /** Finished before the deadline, on an earlier date than the due date. */
  EARLY("trước hạn"),
  /** Finished no later than the deadline, on the due date itself. */
  ON_TIME("đúng hạn"),
  /** Finished after the deadline. */
  LATE("quá hạn");

  private final String label;

  Timeliness(String label) {
    this.label = label;
  }

  /** The Vietnamese words shown to clerks and in reports. */
  public String label() {
    return label;
  }
}
