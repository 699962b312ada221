package vn.gov.sct.onestop.report;

import java.time.Instant;
import java.util.List;

/**
 * A dossier in process that is due soon or overdue, with the step it waits in.
 *
 * @param processInstanceId the procedure's process instance (the dossier)
 * @param steps the open user tasks of the dossier, in the procedure or one of its call activities
 */
public record MonitoredDossier(String code, String procedureCode, String procedureName, String division,
    String divisionName, String applicantName, Instant receivedAt, Instant dueAt, String processInstanceId,
    List<Step> steps) {

  /** An open user task: its name, the process instance it belongs to (for Cockpit's link), who holds it. */
  public record Step(String taskDefinitionKey, String name, String processInstanceId, String assignee,
      Instant due) {}
}
