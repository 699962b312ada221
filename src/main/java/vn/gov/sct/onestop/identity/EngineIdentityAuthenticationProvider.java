package vn.gov.sct.onestop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.web.DatabaseUnavailable;

/**
 * Staff sign in with their Camunda account (the same as in Tasklist and Cockpit): the password is checked
 * by the engine's identity service, which also throttles repeated failures, and the user's groups and
 * tenants are loaded so the engine can apply its authorizations to the request.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

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
    try {
      boolean valid;
      try {
        valid = identity.checkPassword(user, password);
      } catch (ProcessEngineException e) {
        if (DatabaseUnavailable.causedBy(e)) {
          throw e;
        }
        valid = false;
      }
      if (!valid) {
        throw new BadCredentialsException("Bad credentials");
      }
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
      return new StaffUser(user, groups, tenants).authentication();
    } catch (RuntimeException e) {
      // a password that cannot be checked is not a wrong password: the entry point answers 503, not 401
      if (!(e instanceof AuthenticationException) && DatabaseUnavailable.causedBy(e)) {
        throw new AuthenticationServiceException("The identity store cannot be reached", e);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
