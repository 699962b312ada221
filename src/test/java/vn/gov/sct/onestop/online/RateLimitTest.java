package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.sct.onestop.EngineTestSupport;

/** The citizen endpoints' token bucket per client address. */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "onestop.online.rate-limit.capacity=3",
    "onestop.online.rate-limit.refill-per-minute=6"})
class RateLimitTest extends EngineTestSupport {

  @Autowired MockMvc mvc;

  @Test
  void aClientOverItsBurstGets429WithAProblemAndOthersAreNotAffected() throws Exception {
    for (int i = 0; i < 3; i++) {
      mvc.perform(get("/api/v1/public/procedures").with(from("203.0.113.7"))).andExpect(status().isOk());
    }
    mvc.perform(get("/api/v1/public/procedures").with(from("203.0.113.7")).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:rate-limited"))
        .andExpect(jsonPath("$.title").value("Too many requests"));
    mvc.perform(get("/api/v1/public/procedures").with(from("203.0.113.8"))).andExpect(status().isOk());
    // staff endpoints are not counted
    mvc.perform(get("/actuator/health").with(from("203.0.113.7"))).andExpect(status().isOk());
  }

  @Test
  void tokensComeBackWithTime() {
    AtomicLong nanos = new AtomicLong();
    LocalBuckets buckets = new LocalBuckets(new OnlineProperties.RateLimit(2, 60, 100,
        OnlineProperties.Store.MEMORY), nanos::get);
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isFalse();
    nanos.addAndGet(1_000_000_000L); // one second: one token at 60 per minute
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isFalse();
    nanos.addAndGet(3_600_000_000_000L); // an hour: full again, not more than the burst
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isFalse();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
