package vn.gov.sct.onestop.notify;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code onestop.notifications.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param email applicant and staff emails: on by default; without {@code spring.mail.host} they are written to the
 *     log instead of sent (the demo)
 * @param sms SMS through a brand-name gateway: off by default
 * @param zalo Zalo Notification Service (ZNS): off by default
 * @param templatesDir a folder whose {@code <kind>.txt} files replace the shipped mail templates, so an
 *     administrator edits them without a rebuild; empty: the shipped ones only
 */
@ConfigurationProperties("onestop.notifications")
public record NotificationProperties(Email email, Gateway sms, Gateway zalo, String templatesDir) {

  public NotificationProperties {
    email = email == null ? new Email(true, null) : email;
    sms = sms == null ? new Gateway(false, null, null, Map.of()) : sms;
    zalo = zalo == null ? new Gateway(false, null, null, Map.of()) : zalo;
  }

  /** {@code enabled} (default true); {@code from}: the sender address, e.g. motcua@sct.haiphong.gov.vn. */
  public record Email(Boolean enabled, String from) {

    public Email {
      enabled = enabled == null || enabled;
    }
  }

  /**
   * A gateway that sends pre-approved templates: {@code url} receives a JSON POST with the phone number, the
   * template id and its parameters; {@code token} is sent as a bearer token; {@code templates} maps our message
   * kinds (e.g. {@code supplement-requested}) to the template ids the operator got approved. A kind without a
   * template id is not sent on this channel.
   */
  public record Gateway(boolean enabled, URI url, String token, Map<String, String> templates) {

    public Gateway {
      templates = templates == null ? Map.of() : Map.copyOf(templates);
      if (enabled && url == null) {
        throw new IllegalArgumentException("An enabled SMS or Zalo gateway needs its url");
      }
    }
  }
}
