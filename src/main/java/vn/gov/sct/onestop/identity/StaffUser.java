package vn.gov.sct.onestop.identity;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in staff member as the engine knows them: user id, groups (divisions) and tenants. */
public record StaffUser(String id, List<String> groups, List<String> tenants) implements Principal {

  @Override
  public String getName() {
    return id;
  }

  /** Spring Security's view of the staff member: role STAFF and one authority per group. */
  public UsernamePasswordAuthenticationToken authentication() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
    groups.forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
    return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities);
  }
}
