package vn.gov.sct.onestop.sla;

import java.time.Instant;

/** One SLA event of a dossier: the step (a BPMN user task id), what happened, when, and a note for people. */
public record SlaEvent(String dossierCode, String step, SlaEventKind kind, Instant occurredAt, String detail) {}
