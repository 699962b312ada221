package vn.gov.sct.onestop.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The status sync to the provincial system / National Public Service Portal ({@code onestop.portal.*}).
 *
 * @param url the endpoint that receives each message as a JSON POST; no url, no sync (no outbox rows either)
 * @param token sent as {@code Authorization: Bearer <token>}; from the environment ({@code ONESTOP_PORTAL_TOKEN})
 * @param timeout connect and response timeout of one delivery (keep it below {@code onestop.outbox.lease})
 */
@ConfigurationProperties("onestop.portal")
public record PortalProperties(URI url, String token, Duration timeout) {

  public PortalProperties {
    timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
  }

  public boolean enabled() {
    return url != null && !url.toString().isBlank();
  }
}
