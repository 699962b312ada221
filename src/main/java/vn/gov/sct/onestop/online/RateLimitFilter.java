package vn.gov.sct.onestop.online;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.Problems;

/**
 * Rate limit of the citizen endpoints: a token bucket per client address, in memory (per node: behind a
 * load balancer each node limits on its own, which is enough against a single noisy client). The client
 * address is the servlet's remote address; behind a reverse proxy set {@code server.forward-headers-strategy}
 * so it is the client's, not the proxy's. Over the limit: 429 with a problem detail and Retry-After.
 */
public class RateLimitFilter extends OncePerRequestFilter {

  private final OnlineProperties.RateLimit limit;
  private final Problems problems;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimitFilter(OnlineProperties.RateLimit limit, Problems problems, LongSupplier nanoClock) {
    this.limit = limit;
    this.problems = problems;
    this.nanoClock = nanoClock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!tryAcquire(request.getRemoteAddr())) {
      response.setHeader("Retry-After", String.valueOf(Math.max(1, 60 / limit.refillPerMinute())));
      problems.write(request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"));
      return;
    }
    chain.doFilter(request, response);
  }

  boolean tryAcquire(String client) {
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
