package vn.gov.sct.onestop.sla;

/**
 * What happened to a dossier's clock: a step is about to be due, is overdue, an apology was sent (form 04), or the
 * due date moved with the official calendar.
 */
public enum SlaEventKind {
  WARNING,
  OVERDUE,
  APOLOGY,
  /** The legal due date moved later: the official holiday notice replaced the provisional calendar it was counted on. */
  DUE_DATE_CHANGED
}
