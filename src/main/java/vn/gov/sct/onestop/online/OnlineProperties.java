package vn.gov.sct.onestop.online;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the citizen API ({@code onestop.online.*}).
 *
 * @param rateLimit the per-client-address token bucket of {@code /api/v1/public/**}
 */
@Validated
@ConfigurationProperties("onestop.online")
public record OnlineProperties(@NotNull @Valid @DefaultValue RateLimit rateLimit) {

  /**
   * @param capacity requests a client may send in a burst
   * @param refillPerMinute requests a client regains per minute
   * @param maxClients client addresses remembered at once by a node's memory store; idle full buckets are dropped
   *     beyond it
   * @param store where the buckets live: {@code memory} (one node, the H2 default) or {@code database} (shared by
   *     every node; PostgreSQL only)
   */
  public record RateLimit(
      @Min(1) @DefaultValue("30") int capacity,
      @Min(1) @DefaultValue("30") int refillPerMinute,
      @Min(100) @DefaultValue("100000") int maxClients,
      @NotNull @DefaultValue("memory") Store store) {}

  /** Where the rate limit's buckets live. */
  public enum Store {
    MEMORY, DATABASE
  }
}
