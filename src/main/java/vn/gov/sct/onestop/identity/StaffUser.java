package vn.gov.sct.onestop.identity;

import java.security.Principal;
import java.util.List;

/** A signed-in staff member as the engine knows them: user id, groups (divisions) and tenants. */
public record StaffUser(String id, List<String> groups, List<String> tenants) implements Principal {

  @Override
  public String getName() {
    return id;
  }
}
