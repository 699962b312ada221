package vn.gov.sct.onestop.sla;

/** What happened to a dossier's clock: a step is about to be due, is overdue, or an apology was sent (form 04). */
public enum SlaEventKind {
  WARNING,
  OVERDUE,
  APOLOGY
}
