package vn.gov.sct.onestop.notify;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.outbox.MessageSender;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxMessage;

/**
 * Sends the email rows over SMTP ({@code spring.mail.*}); the message id is made of the row's idempotency key, so
 * a mail sent twice after a crash carries the same id. Without {@code spring.mail.host} (the demo) the mail is
 * written to the log instead and counts as sent, so {@code mvn spring-boot:run} needs no mail server.
 */
@Component
public class EmailSender implements MessageSender {

  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

  private final JavaMailSender smtp;
  private final NotificationProperties properties;

  public EmailSender(ObjectProvider<JavaMailSender> smtp, NotificationProperties properties) {
    this.smtp = smtp.getIfAvailable();
    this.properties = properties;
  }

  @Override
  public OutboxChannel channel() {
    return OutboxChannel.EMAIL;
  }

  @Override
  public void send(OutboxMessage message) throws Exception {
    String to = (String) message.payload().get("to");
    String subject = (String) message.payload().get("subject");
    String body = (String) message.payload().get("body");
    if (smtp == null) {
      LOG.info("Email (no spring.mail.host, not sent) to {} [{}]: {}\n{}", to, message.idempotencyKey(), subject, body);
      return;
    }
    MimeMessage mime = smtp.createMimeMessage();
    MimeMessageHelper mail = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
    if (properties.email().from() != null) {
      mail.setFrom(properties.email().from());
    }
    mail.setTo(to);
    mail.setSubject(subject);
    mail.setText(body, false);
    mime.setHeader("X-Idempotency-Key", message.idempotencyKey());
    attach(mail, message);
    mime.setHeader("Message-ID", "<" + message.idempotencyKey() + "@onestop>");
    smtp.send(mime);
  }

  /**
   * The documents listed in the payload's {@link Notifier#ATTACHMENTS} (the receipt, form 01, once the documents
   * issue lands). None are listed yet; a listed one this build cannot render is an error, so it is retried later
   * rather than sent without it.
   */
  private static void attach(MimeMessageHelper mail, OutboxMessage message) {
    Object attachments = message.payload().get(Notifier.ATTACHMENTS);
    if (attachments instanceof List<?> list && !list.isEmpty()) {
      throw new IllegalStateException("Attachments " + list + " are not supported by this build");
    }
  }
}
