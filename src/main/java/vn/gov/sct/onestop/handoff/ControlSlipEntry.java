package vn.gov.sct.onestop.handoff;

import java.time.Instant;

/**
 * One line of the process control slip (phiếu kiểm soát quá trình giải quyết hồ sơ, form 05): a unit hands
 * the dossier to another, which must finish its share by {@code dueAt}.
 */
public record ControlSlipEntry(
    int seq,
    String fromUnit,
    String fromUser,
    String toUnit,
    Instant handedAt,
    Instant dueAt,
    Instant finishedAt,
    String finishedBy,
    String timeliness) {}
