package vn.gov.sct.onestop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.web.DatabaseUnavailable;

/**
 * Staff sign in with their Camunda account (the same as in Tasklist and Cockpit): the password is checked
 * by the engine's identity service, which also throttles repeated failures, and the user's groups and
 * tenants are loaded so the engine can apply its authorizations to the request. A sign-in that could not be
 * checked (the database down or restarting) is an {@link InternalAuthenticationServiceException}: Spring Security
 * tries no other way and its entry point answers 503, never 401 (config/WebSecurity).
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(EngineIdentityAuthenticationProvider.class);

  private final IdentityService identity;

  public EngineIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
      throw new BadCredentialsException("Bad credentials");
    }
    boolean valid;
    try {
      valid = identity.checkPassword(user, password);
    } catch (RuntimeException e) {
      // A wrong password is an answer (false), never an exception: a check that failed did not say the password is
      // wrong, so it is no 401. The entry point answers 503 with Retry-After.
      if (!DatabaseUnavailable.causedBy(e)) {
        log.warn("The password of {} could not be checked", user, e);
      }
      throw new InternalAuthenticationServiceException("The password could not be checked", e);
    }
    if (!valid) {
      throw new BadCredentialsException("Bad credentials");
    }
    try {
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
      return new StaffUser(user, groups, tenants).authentication();
    } catch (RuntimeException e) {
      throw new InternalAuthenticationServiceException("The groups of the user could not be loaded", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
