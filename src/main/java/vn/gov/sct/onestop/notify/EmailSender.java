package vn.gov.sct.onestop.notify;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.outbox.MessageSender;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxMessage;
import vn.gov.sct.onestop.paper.PaperKind;
import vn.gov.sct.onestop.paper.Papers;
import vn.gov.sct.onestop.paper.RenderedPaper;

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
  private final Papers papers;

  public EmailSender(ObjectProvider<JavaMailSender> smtp, NotificationProperties properties, Papers papers) {
    this.smtp = smtp.getIfAvailable();
    this.properties = properties;
    this.papers = papers;
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
    List<RenderedPaper> attachments = attachments(message);
    MimeMessageHelper mail = new MimeMessageHelper(mime, !attachments.isEmpty(), StandardCharsets.UTF_8.name());
    if (properties.email().from() != null) {
      mail.setFrom(properties.email().from());
    }
    mail.setTo(to);
    mail.setSubject(subject);
    mail.setText(body, false);
    mime.setHeader("X-Idempotency-Key", message.idempotencyKey());
    for (RenderedPaper paper : attachments) {
      mail.addAttachment(paper.fileName(), new ByteArrayResource(paper.content()), paper.contentType());
    }
    mime.setHeader("Message-ID", "<" + message.idempotencyKey() + "@onestop>");
    smtp.send(mime);
  }

  /**
   * The papers listed in the payload's {@link Notifier#ATTACHMENTS} by kind (the receipt, form 01), rendered from
   * their frozen data. A listed paper not found is an error, so the row is retried rather than sent without it: the
   * paper is issued in the same transaction as the step that wrote the row.
   */
  private List<RenderedPaper> attachments(OutboxMessage message) {
    Object listed = message.payload().get(Notifier.ATTACHMENTS);
    if (!(listed instanceof List<?> kinds)) {
      return List.of();
    }
    return kinds.stream().map(Object::toString).map(slug -> {
      PaperKind kind = PaperKind.ofSlug(slug)
          .orElseThrow(() -> new IllegalStateException("Unknown paper '" + slug + "' to attach"));
      return papers.issued(message.dossierCode(), kind, null)
          .orElseThrow(() -> new IllegalStateException("Paper '" + slug + "' of " + message.dossierCode()
              + " not issued yet"));
    }).toList();
  }
}
