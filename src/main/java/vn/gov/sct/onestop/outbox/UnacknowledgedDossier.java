package vn.gov.sct.onestop.outbox;

import java.time.Instant;

/** A dossier whose last message to a receiver has not been accepted: pending (with its attempts so far) or dead. */
public record UnacknowledgedDossier(String dossierCode, String channel, String kind, String status, int attempts,
    String lastError, Instant createdAt) {}
