package vn.gov.sct.onestop.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxMessage;

/** The SMS / Zalo adapter against a real HTTP server standing for the gateway. */
class GatewaySenderTest {

  private final WireMockServer gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeEach
  void start() {
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop();
  }

  @Test
  void sendsTheTemplateIdAndParametersWithTheTokenAndKey() throws Exception {
    gateway.stubFor(post("/zns").willReturn(ok()));
    GatewaySender zalo = sender(true, "zns");
    zalo.send(message(Map.of("phone", "0912345678", "templateId", "SCT_BS_01",
        "params", Map.of("ma_ho_so", "H15.50-260302-0001"))));

    gateway.verify(postRequestedFor(urlEqualTo("/zns"))
        .withHeader("Authorization", equalTo("Bearer gw-token"))
        .withHeader("Idempotency-Key", equalTo("key-1"))
        .withRequestBody(equalToJson("""
            {"phone": "0912345678", "templateId": "SCT_BS_01", "params": {"ma_ho_so": "H15.50-260302-0001"},
             "trackingId": "key-1"}""")));
  }

  @Test
  void aGatewayErrorOrASwitchedOffChannelIsAFailureToRetry() {
    gateway.stubFor(post("/sms").willReturn(serverError()));
    assertThatThrownBy(() -> sender(true, "sms").send(message(Map.of("phone", "0912345678"))))
        .hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> sender(false, "sms").send(message(Map.of("phone", "0912345678"))))
        .hasMessageContaining("switched off");
    assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/sms")))).hasSize(1);
  }

  private GatewaySender sender(boolean enabled, String path) {
    return new GatewaySender(OutboxChannel.ZALO, new NotificationProperties.Gateway(enabled,
        URI.create(gateway.baseUrl() + "/" + path), "gw-token", Map.of()), new ObjectMapper());
  }

  private static OutboxMessage message(Map<String, Object> payload) {
    return new OutboxMessage(1, "key-1", OutboxChannel.ZALO, "H15.50-260302-0001", "0912345678", "supplement-requested",
        payload, 0, Instant.now());
  }
}
