package vn.gov.sct.onestop.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox settings ({@code onestop.outbox.*}).
 *
 * @param autoDispatch whether each node sends by itself, after every commit that wrote rows and every
 *     {@code pollInterval} (on by default; tests drive {@link OutboxDispatcher#dispatchDue()} themselves)
 * @param pollInterval how often each node looks for due rows besides the after-commit wake-up (retries, rows of
 *     another node's crash)
 * @param batchSize rows claimed per round
 * @param maxAttempts failed deliveries after which a row is parked as dead
 * @param backoffBase delay after the first failure; it doubles with each further failure
 * @param backoffMax the longest delay between two attempts
 * @param lease how long a claim keeps other nodes off a row; longer than a sender's timeouts
 */
@ConfigurationProperties("onestop.outbox")
public record OutboxProperties(Boolean autoDispatch, Duration pollInterval, Integer batchSize, Integer maxAttempts,
    Duration backoffBase, Duration backoffMax, Duration lease) {

  public OutboxProperties {
    autoDispatch = autoDispatch == null || autoDispatch;
    pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
    batchSize = batchSize == null ? 50 : batchSize;
    maxAttempts = maxAttempts == null ? 10 : maxAttempts;
    backoffBase = backoffBase == null ? Duration.ofSeconds(30) : backoffBase;
    backoffMax = backoffMax == null ? Duration.ofHours(2) : backoffMax;
    lease = lease == null ? Duration.ofMinutes(2) : lease;
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("onestop.outbox.batch-size and max-attempts must be at least 1");
    }
  }

  /** The delay before the next attempt after the given number of failed ones: base × 2^(failures − 1), capped. */
  public Duration backoff(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    Duration delay = backoffBase.multipliedBy(1L << doublings);
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }
}
