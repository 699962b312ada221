package vn.gov.sct.onestop.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The staff member logged in to the Camunda web apps (Cockpit, Tasklist) in this browser session, if any. The
 * web apps keep their login in the HTTP session ({@link AuthenticationUtil#getAuthsFromSession}), which covers
 * /camunda/api/* only; the Cockpit dashboard calls our /api/v1 staff endpoints with the same session cookie,
 * so the API security accepts this login for them (see docs/statistics.md): no second login, no token in JS.
 */
public final class CockpitSession {

  /** A web-app login: user id and the groups the web app resolved at login (divisions, managers, board). */
  public record StaffUser(String userId, List<String> groupIds) {

    public boolean isMemberOfAny(List<String> groups) {
      return groupIds.stream().anyMatch(groups::contains);
    }
  }

  private CockpitSession() {}

  public static Optional<StaffUser> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    if (authentication instanceof UserAuthentication user && user.getIdentityId() != null) {
      List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
      return Optional.of(new StaffUser(user.getIdentityId(), groups));
    }
    return Optional.empty();
  }
}
