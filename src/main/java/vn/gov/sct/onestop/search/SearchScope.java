package vn.gov.sct.onestop.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Which dossiers the signed-in user may find: the same answer as {@link vn.gov.sct.onestop.dossier.DossierAccess}
 * for each dossier, computed once per search instead of once per row. DossierAccess lets a user see a dossier when
 * the engine shows them one of its tasks, or one of its historic process instances (the business key is the
 * dossier code in the procedure and in every called phase). So:
 *
 * <ul>
 *   <li>a user the engine does not check (authorizations off, Camunda administrator), or one with READ_HISTORY on
 *       every process definition (managers, board), reads every historic process instance: every dossier;
 *   <li>otherwise the historic process instances of the definition keys they have READ_HISTORY on (usually none),
 *       plus the process instances of the tasks the engine's own authorized task query lists for them (for a
 *       division: its open work), whose business keys are the dossiers.
 * </ul>
 *
 * The engine answers both questions (its authorization service and its task query); the search then restricts the
 * registry by those keys in SQL, so paging and counts stay exact.
 */
@Component
public class SearchScope {

  /**
   * Everything, or the dossiers of these historic process definition keys and of these process instances (those
   * of the user's visible tasks).
   */
  public record Scope(boolean everything, Set<String> historyKeys, Set<String> taskProcessInstanceIds) {

    static final Scope NOTHING = new Scope(false, Set.of(), Set.of());

    boolean empty() {
      return !everything && historyKeys.isEmpty() && taskProcessInstanceIds.isEmpty();
    }
  }

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl configuration;

  public SearchScope(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.repository = engine.getRepositoryService();
    this.tasks = engine.getTaskService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public Scope current() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null) {
      return Scope.NOTHING;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!configuration.isAuthorizationEnabled() || isAdmin(user.getUserId(), groups)
        || authorizations.isUserAuthorized(user.getUserId(), groups, Permissions.READ_HISTORY,
            Resources.PROCESS_DEFINITION)) {
      return new Scope(true, Set.of(), Set.of());
    }
    Set<String> keys = new LinkedHashSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (authorizations.isUserAuthorized(user.getUserId(), groups, Permissions.READ_HISTORY,
          Resources.PROCESS_DEFINITION, definition.getKey())) {
        keys.add(definition.getKey());
      }
    }
    Set<String> instances = new LinkedHashSet<>();
    for (Task task : tasks.createTaskQuery().list()) {
      if (task.getProcessInstanceId() != null) {
        instances.add(task.getProcessInstanceId());
      }
    }
    return new Scope(false, keys, instances);
  }

  private boolean isAdmin(String userId, List<String> groups) {
    List<String> adminUsers = configuration.getAdminUsers();
    List<String> adminGroups = configuration.getAdminGroups();
    return (adminUsers != null && adminUsers.contains(userId))
        || (adminGroups != null && groups.stream().anyMatch(adminGroups::contains));
  }
}
