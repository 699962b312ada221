package vn.gov.sct.onestop.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.Procedure;

/**
 * Divisions as Camunda groups and what each may see, created on every start and in every profile
 * (idempotent): a division sees its own tasks only, through the authorizations the engine grants to a
 * task's candidate group; the one-stop section starts procedures; the board and the managers see all
 * dossiers, managers in Cockpit too. Users are not made here: the demo profile's {@link DemoUsers} or the
 * administrator in Admin make them.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final ProcedureCatalog catalog;
  private final TasklistFilters filters;

  public IdentitySetup(ProcedureCatalog catalog, TasklistFilters filters) {
    this.catalog = catalog;
    this.filters = filters;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService auth = engine.getAuthorizationService();
    List<String> staffGroups = new ArrayList<>();
    for (Division division : catalog.divisions()) {
      ensureGroup(identity, division.id(), division.name());
      ensureGroup(identity, division.leadGroupId(), division.leadGroupName());
      staffGroups.add(division.id());
      staffGroups.add(division.leadGroupId());
    }
    ensureGroup(identity, StaffGroups.MANAGERS, StaffGroups.MANAGERS_NAME);
    staffGroups.add(StaffGroups.MANAGERS);

    for (String group : staffGroups) {
      grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(auth, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    // READ_HISTORY: the one-stop section receives and returns every dossier and keeps the tracking book, so it may
    // see each dossier after handing it on (DossierAccess), e.g. to reprint its receipt or return its result.
    for (Procedure procedure : catalog.procedures()) {
      grant(auth, StaffGroups.ONE_STOP, Resources.PROCESS_DEFINITION, procedure.processKey(),
          Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(auth, StaffGroups.ONE_STOP, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String overseer : List.of(StaffGroups.BOARD, StaffGroups.BOARD + "-lead", StaffGroups.MANAGERS)) {
      grant(auth, overseer, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(auth, overseer, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE);
      grant(auth, overseer, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(auth, overseer, Resources.TASK, ANY, Permissions.READ);
      grant(auth, overseer, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(auth, overseer, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    filters.ensure(engine, catalog.divisions());
    log.info("Divisions, groups, authorizations and Tasklist filters are in place ({} divisions)",
        catalog.divisions().size());
  }

  static void ensureGroup(IdentityService identity, String id, String name) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    } else if (!name.equals(group.getName())) {
      group.setName(name);
      identity.saveGroup(group);
    }
  }

  /** Grants the permissions to the group on the resource, adding to an existing grant if there is one. */
  static void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = auth.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : auth.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (existing == null || !existing.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(authorization);
    }
  }
}
