package vn.gov.sct.onestop.outbox;

import java.time.Instant;

/** A row parked as dead, as operators see it (no payload: it may hold personal data). */
public record DeadMessage(long id, String channel, String dossierCode, String recipient, String kind, int attempts,
    String lastError, Instant createdAt) {}
