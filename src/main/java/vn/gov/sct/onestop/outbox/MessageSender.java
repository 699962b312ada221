package vn.gov.sct.onestop.outbox;

/**
 * Delivers the messages of one channel (email, SMS, Zalo, portal). {@link #send} returns when the receiver has
 * accepted the message and throws otherwise; the dispatcher retries later with the same idempotency key.
 */
public interface MessageSender {

  OutboxChannel channel();

  void send(OutboxMessage message) throws Exception;
}
