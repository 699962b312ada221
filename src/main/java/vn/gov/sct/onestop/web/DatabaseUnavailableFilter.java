package vn.gov.sct.onestop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last net under every filter and servlet of the application: a failure that leaves the filter chain because
 * the database cannot be reached is answered 503 with our problem detail and {@code Retry-After}, instead of the
 * container's 500 page. It catches what runs before any of our handlers: the web apps' own authentication filter
 * (which reloads a signed-in user's groups from the database), the filters of Spring Security and of Camunda, and
 * anything a servlet lets through. Handlers that answer themselves (our API's advice, the engine REST API's mappers
 * in {@code config/EngineRestErrors}, the sign-in's entry point) use the same {@link DatabaseUnavailable} rule and
 * rendering.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private final Problems problems;

  public DatabaseUnavailableFilter(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable while answering {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.toString());
      response.reset();
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      problems.write(request, response, DatabaseUnavailable.problem());
    }
  }
}
