package vn.gov.sct.onestop.search;

import java.time.Instant;

/** One dossier in a search result: its facts, with the Vietnamese labels a manager reads. */
public record DossierSummary(String code, String procedureCode, String procedureName, String division,
    String divisionName, String channel, String channelLabel, int status, String statusLabel, String applicantName,
    String applicantIdNumber, Instant registeredAt, Instant receivedAt, Instant dueAt, Instant completedAt,
    String timeliness, String timelinessLabel, String processInstanceId) {}
