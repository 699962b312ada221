package vn.gov.sct.onestop.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.gov.sct.onestop.outbox.MessageSender;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxMessage;

/**
 * SMS or Zalo (ZNS): both send a pre-approved template's id and parameters to a gateway, so one adapter serves
 * both, configured per channel ({@link NotificationProperties.Gateway}). The JSON body is
 * {@code {"phone", "templateId", "params", "trackingId"}} with the idempotency key as tracking id and header; a
 * provider whose API differs gets a small relay, or a subclass here. Off by default.
 */
public class GatewaySender implements MessageSender {

  private final OutboxChannel channel;
  private final NotificationProperties.Gateway gateway;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade of a POST, as PortalSender
      .connectTimeout(Duration.ofSeconds(10)).build();

  public GatewaySender(OutboxChannel channel, NotificationProperties.Gateway gateway, ObjectMapper json) {
    this.channel = channel;
    this.gateway = gateway;
    this.json = json;
  }

  @Override
  public OutboxChannel channel() {
    return channel;
  }

  @Override
  public void send(OutboxMessage message) throws Exception {
    if (!gateway.enabled()) {
      throw new IllegalStateException(channel + " is switched off (onestop.notifications." + channel.name().toLowerCase(java.util.Locale.ROOT)
          + ".enabled)");
    }
    Map<String, Object> body = new LinkedHashMap<>(message.payload());
    body.put("trackingId", message.idempotencyKey());
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url()).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", message.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (gateway.token() != null && !gateway.token().isBlank()) {
      request.header("Authorization", "Bearer " + gateway.token());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(channel + " gateway answered HTTP " + response.statusCode());
    }
  }
}
