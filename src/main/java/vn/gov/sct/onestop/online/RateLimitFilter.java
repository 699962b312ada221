package vn.gov.sct.onestop.online;

import io.github.bucket4j.BucketExceptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.DatabaseUnavailable;
import vn.gov.sct.onestop.web.Problems;

/**
 * Rate limit of the citizen endpoints: a token bucket per client address ({@link ClientBuckets}: in the database,
 * shared by the nodes, or in memory on a single node). The client address is the servlet's remote address; behind a
 * reverse proxy set {@code server.forward-headers-strategy} so it is the client's, not the proxy's. Over the limit:
 * 429 with a problem detail and Retry-After; when the shared buckets cannot be reached, 503 like any request that
 * needs the database.
 */
public class RateLimitFilter extends OncePerRequestFilter {

  private final OnlineProperties.RateLimit limit;
  private final Problems problems;
  private final ClientBuckets buckets;

  public RateLimitFilter(OnlineProperties.RateLimit limit, Problems problems, ClientBuckets buckets) {
    this.limit = limit;
    this.problems = problems;
    this.buckets = buckets;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean allowed;
    try {
      allowed = buckets.tryTake(request.getRemoteAddr());
    } catch (RuntimeException e) {
      // Bucket4j's own transaction on a connection that PostgreSQL cut reports only "Connection is closed"
      if (!DatabaseUnavailable.causedBy(e) && !(e instanceof BucketExceptions.BucketExecutionException)) {
        throw e;
      }
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      problems.write(request, response, DatabaseUnavailable.problem());
      return;
    }
    if (!allowed) {
      response.setHeader("Retry-After", String.valueOf(Math.max(1, 60 / limit.refillPerMinute())));
      problems.write(request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"));
      return;
    }
    chain.doFilter(request, response);
  }
}
