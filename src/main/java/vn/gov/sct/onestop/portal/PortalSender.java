package vn.gov.sct.onestop.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.outbox.MessageSender;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxMessage;

/**
 * Posts a portal row to the configured endpoint with the token and the row's idempotency key. Accepted: a 2xx
 * answer whose body, when it is JSON with an {@code error_code} (the portal's convention), says 0.
 */
@Component
public class PortalSender implements MessageSender {

  private final PortalProperties properties;
  private final ObjectMapper json;
  private final HttpClient http;

  public PortalSender(PortalProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    // HTTP/1.1: on a plain http url the JDK client would otherwise ask for an h2c upgrade with the POST body, which
    // servers handle badly (Jetty answers 101 and drops the stream: wiremock/wiremock#2459, #3577); a response lost
    // after the receiver took the message means a second delivery
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
        .build();
  }

  @Override
  public OutboxChannel channel() {
    return OutboxChannel.PORTAL;
  }

  @Override
  public void send(OutboxMessage message) throws Exception {
    if (!properties.enabled()) {
      throw new IllegalStateException("onestop.portal.url is not set");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(properties.url())
        .timeout(properties.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", message.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message.payload())));
    if (properties.token() != null && !properties.token().isBlank()) {
      request.header("Authorization", "Bearer " + properties.token());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Portal answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
    }
    String errorCode = errorCode(response.body());
    if (errorCode != null && !"0".equals(errorCode)) {
      throw new IllegalStateException("Portal refused the message, error_code " + errorCode + ": "
          + abbreviate(response.body()));
    }
  }

  private String errorCode(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.has("error_code") ? node.get("error_code").asText() : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
