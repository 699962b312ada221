package vn.gov.sct.onestop.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.sct.onestop.identity.StaffUser;

/**
 * Lets the Cockpit dashboard read our staff API with the web apps' own login: a GET to {@code /api/v1}
 * without credentials, from a browser session in which the staff member logged in to Cockpit or Tasklist,
 * is that staff member (the web apps keep their login in the HTTP session, see
 * {@link AuthenticationUtil#getAuthsFromSession}). Reading only: a request that changes anything still
 * needs HTTP Basic, so a session cookie alone can never be ridden for a write (no CSRF exposure).
 */
class WebAppSessionAuthentication extends OncePerRequestFilter {

  static final String ENGINE = "default";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/public/")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() == null) {
      user(request).ifPresent(staff -> SecurityContextHolder.getContext().setAuthentication(staff.authentication()));
    }
    chain.doFilter(request, response);
  }

  static Optional<StaffUser> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (login instanceof UserAuthentication user && user.getIdentityId() != null) {
      return Optional.of(new StaffUser(user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
          user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds())));
    }
    return Optional.empty();
  }
}
