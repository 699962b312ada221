package vn.gov.sct.onestop.story;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Một hồ sơ từ đầu đến cuối: a dossier's whole story for the managers' Cockpit page, running or finished.
 *
 * @param facts the registry row, with labels
 * @param timeline every event of the other lists and the status changes, oldest first
 * @param diagrams the dossier's process instances (the procedure and each called phase) with the path each took;
 *     empty when the engine does not let the user read the dossier's history
 */
public record DossierStory(Facts facts, List<Event> timeline, List<Handoff> handoffs, List<Sla> slaEvents,
    List<Pause> pauses, List<Document> documents, List<Diagram> diagrams) {

  public record Facts(String code, String procedureCode, String procedureName, String division, String divisionName,
      String channelLabel, int status, String statusLabel, String applicantName, String applicantIdNumber,
      String applicantPhone, String applicantEmail, String applicantAddress, Instant registeredAt,
      Instant receivedAt, Instant dueAt, Instant rescheduledDueAt, BigDecimal deadlineDays, Instant completedAt,
      Instant returnedAt, String outcome, String timeliness, String timelinessLabel, boolean running,
      String processInstanceId) {}

  /**
   * kind: STATUS, HANDOFF, HANDOFF_DONE, SLA, DOCUMENT (received), PAPER (issued by the department); {@code link}
   * the staff API link of the event's document, null for the others.
   */
  public record Event(Instant at, String kind, String title, String detail, String link) {

    Event(Instant at, String kind, String title, String detail) {
      this(at, kind, title, detail, null);
    }
  }

  public record Handoff(int seq, String fromUnitName, String fromUser, String toUnitName, Instant handedAt,
      Instant dueAt, Instant finishedAt, String finishedBy, String timeliness, String timelinessLabel) {}

  public record Sla(Instant at, String kind, String kindLabel, String step, String stepName, String detail) {}

  /** A pause for a supplement (status 5) and the working time it took; {@code endedAt} null while it lasts. */
  public record Pause(Instant startedAt, Instant endedAt, long workingMinutes, BigDecimal workingDays) {}

  /**
   * A document of the dossier, with the staff API link that serves it: received from the applicant
   * ({@code issued} false: a file of the submission or a supplement) or issued by the department ({@code issued}
   * true: a one-stop paper, its number as {@code fileName}, its size unknown until rendered, so null).
   */
  public record Document(String id, String kind, String kindLabel, String fileName, String contentType, Long size,
      Instant createdAt, String link, boolean issued, String issuedBy) {}

  /** One process instance of the dossier and the activities it went through; {@code current} are the open ones. */
  public record Diagram(String processInstanceId, String processDefinitionId, String processDefinitionKey,
      String name, String superProcessInstanceId, Instant startedAt, Instant endedAt, boolean running,
      List<Step> path, List<String> current) {}

  public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
      boolean canceled, String assignee, String calledProcessInstanceId) {}
}
