package vn.gov.sct.onestop.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sct.onestop.identity.StaffUser;

/**
 * Hands the staff member Spring Security signed in to the engine for the length of the request, so the
 * engine REST API and our staff endpoints run under Camunda authorizations. One sign-in mechanism: this
 * replaces Camunda's own ProcessEngineAuthenticationFilter on /engine-rest.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    // citizen endpoints act as the system, whoever sends credentials along
    if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser staff)
        || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/public/")) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(staff.id(), staff.groups(), staff.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
