package vn.gov.sct.onestop.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One message as a sender gets it: the idempotency key it must hand to the receiver, its channel, recipient (an
 * email address, a phone number, the portal's endpoint name), kind (the template) and the payload's fields.
 */
public record OutboxMessage(long id, String idempotencyKey, OutboxChannel channel, String dossierCode,
    String recipient, String kind, Map<String, Object> payload, int attempts, Instant createdAt) {}
