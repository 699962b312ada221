package vn.gov.sct.onestop;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sct.onestop.outbox.OutboxDispatcher;

/**
 * Base of the outbox stories: the application with real receivers, started once per test JVM on free ports, a real
 * HTTP server standing for the portal (WireMock) and a real SMTP server (GreenMail); the dispatcher is driven by the
 * test ({@link #dispatch()}). Tests tell their dossiers apart by code, so they share the servers and the context.
 */
public abstract class OutboxTestSupport extends DossierScenarioSupport {

  protected static final String PORTAL_TOKEN = "test-portal-token";
  protected static final WireMockServer PORTAL = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    PORTAL.start();
    SMTP.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      PORTAL.stop();
      SMTP.stop();
    }));
  }

  @Autowired protected OutboxDispatcher dispatcher;

  @DynamicPropertySource
  static void receivers(DynamicPropertyRegistry registry) {
    registry.add("onestop.portal.url", () -> PORTAL.baseUrl() + "/dvcqg/dongbo");
    registry.add("onestop.portal.token", () -> PORTAL_TOKEN);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("onestop.notifications.email.from", () -> "motcua@sct.haiphong.gov.vn");
    registry.add("onestop.outbox.max-attempts", () -> 3);
    registry.add("onestop.outbox.backoff-base", () -> "PT0.2S");
    registry.add("onestop.outbox.backoff-max", () -> "PT1S");
  }

  @BeforeEach
  void portalAccepts() {
    PORTAL.stubFor(WireMock.post("/dvcqg/dongbo").atPriority(10)
        .willReturn(WireMock.okJson("{\"error_code\":\"0\",\"message\":\"ok\"}")));
  }

  /** Sends every due row, as a node's dispatcher does after a commit. */
  protected int dispatch() {
    return dispatcher.dispatchDue();
  }

  /** Waits out the retry backoff and sends again, until nothing is due for {@code rounds} rounds. */
  protected void dispatchWithRetries(int rounds) throws InterruptedException {
    for (int i = 0; i < rounds; i++) {
      dispatch();
      Thread.sleep(450);
    }
    dispatch();
  }
}
