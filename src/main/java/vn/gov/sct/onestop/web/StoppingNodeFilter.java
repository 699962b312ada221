package vn.gov.sct.onestop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node that has been told to stop (SIGTERM in a rolling restart) answers what it still serves with
 * {@code Connection: close}: the client's next request opens a new connection, which the load balancer sends to
 * another node, instead of coming back on a kept-alive connection to this one while its web server, engine and
 * connection pool are being stopped one after the other.
 */
public class StoppingNodeFilter extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

  private volatile boolean stopping;

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    if (event.getApplicationContext().getParent() == null) {
      stopping = true;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (stopping) {
      response.setHeader("Connection", "close");
    }
    chain.doFilter(request, response);
  }
}
