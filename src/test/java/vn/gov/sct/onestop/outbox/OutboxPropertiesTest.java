package vn.gov.sct.onestop.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling from the base, capped. */
class OutboxPropertiesTest {

  @Test
  void theBackoffDoublesFromTheBaseUpToTheCap() {
    OutboxProperties p = new OutboxProperties(null, null, null, null, Duration.ofSeconds(30), Duration.ofHours(2),
        null);
    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.backoff(5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(p.backoff(9)).isEqualTo(Duration.ofHours(2)); // 128 min, capped
    assertThat(p.backoff(1000)).isEqualTo(Duration.ofHours(2));
    assertThat(p.maxAttempts()).isEqualTo(10);
    assertThat(p.autoDispatch()).isTrue();
  }
}
