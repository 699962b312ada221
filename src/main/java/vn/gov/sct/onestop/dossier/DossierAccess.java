package vn.gov.sct.onestop.dossier;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Who may see a dossier through a staff endpoint: the one check every staff endpoint that returns a dossier's
 * data calls first. The engine decides, with the signed-in user's authorizations (set per request by the
 * security filter): the user sees the dossier when they can see one of its tasks or read its process
 * history. Anyone else gets 404, as if the dossier did not exist, so a code cannot be probed. Lists of dossiers
 * (the monitoring lists) keep only those the user may see, by the same rule ({@link #visibleOnly}).
 */
@Component
public class DossierAccess {

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final RuntimeService runtime;

  public DossierAccess(TaskService tasks, HistoryService history, IdentityService identity, RuntimeService runtime) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.runtime = runtime;
  }

  /** True when the signed-in user may see the dossier with this code. */
  public boolean canSee(String code) {
    return identity.getCurrentAuthentication() != null
        && (tasks.createTaskQuery().processInstanceBusinessKey(code).count() > 0
            || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count() > 0);
  }

  /** Refuses with 404 "dossier-not-visible" unless the signed-in user may see the dossier. */
  public void require(String code) {
    if (!canSee(code)) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-visible");
    }
  }

  /** The items of a list of dossiers whose dossier the signed-in user may see ({@link #canSee}), in their order. */
  public <T> List<T> visibleOnly(List<T> items, Function<T, String> code) {
    Set<String> visible = visible(items.stream().map(code).collect(Collectors.toSet()));
    return items.stream().filter(item -> visible.contains(code.apply(item))).toList();
  }

  /** The codes among these that {@link #canSee} admits, in at most three queries whatever their number. */
  Set<String> visible(Collection<String> codes) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || codes.isEmpty()) {
      return Set.of();
    }
    Set<String> seen = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(codes.toArray(String[]::new)).list().stream()
        .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toCollection(HashSet::new));
    String[] rest = codes.stream().filter(c -> !seen.contains(c)).toArray(String[]::new);
    if (rest.length == 0) {
      return seen;
    }
    Set<String> instances = tasks.createTaskQuery().processInstanceBusinessKeyIn(rest).list().stream()
        .map(Task::getProcessInstanceId).collect(Collectors.toSet());
    if (!instances.isEmpty()) {
      // the user sees these tasks but may not read their process instances (divisions work on tasks only): the
      // dossier code of each is read without the user's authorizations, and tells them nothing they cannot see
      identity.clearAuthentication();
      try {
        runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
            .map(ProcessInstance::getBusinessKey).forEach(seen::add);
      } finally {
        identity.setAuthentication(user);
      }
    }
    return seen;
  }
}
