package vn.gov.sct.onestop.dossier;

import java.math.BigDecimal;
import java.time.Instant;

/** Hồ sơ: one row of the dossier registry. */
public record Dossier(
    String code,
    String procedureCode,
    String division,
    Channel channel,
    DossierStatus status,
    Applicant applicant,
    Instant registeredAt,
    Instant receivedAt,
    Instant dueAt,
    BigDecimal deadlineDays,
    Instant completedAt,
    Instant returnedAt,
    Outcome outcome,
    String timeliness,
    String processInstanceId) {}
