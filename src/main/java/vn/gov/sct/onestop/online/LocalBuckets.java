package vn.gov.sct.onestop.online;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in the node's memory, for the single node on the embedded H2 database (Bucket4j has no H2
 * backend). Bounded: beyond {@code maxClients} addresses, the buckets that are full again (clients idle long
 * enough) are dropped, so a flood of addresses cannot grow the map without end.
 */
public class LocalBuckets implements ClientBuckets {

  private final OnlineProperties.RateLimit limit;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public LocalBuckets(OnlineProperties.RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
  }

  @Override
  public boolean tryTake(String client) {
    long now = nanoClock.getAsLong();
    if (buckets.size() >= limit.maxClients()) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(limit.capacity(), now)).tryTake(now);
  }

  /** Tokens refill continuously at refillPerMinute; one request takes one token. */
  private final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized boolean tryTake(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= limit.capacity();
    }

    private void refill(long now) {
      double minutes = (now - updated) / 60e9;
      tokens = Math.min(limit.capacity(), tokens + minutes * limit.refillPerMinute());
      updated = now;
    }
  }
}
