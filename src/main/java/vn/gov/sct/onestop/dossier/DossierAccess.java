package vn.gov.sct.onestop.dossier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Who may see a dossier through a staff endpoint: the one check every staff endpoint that returns a dossier's
 * data calls first. The engine decides, with the signed-in user's authorizations (set per request by the
 * security filter): the user sees the dossier when they can see one of its tasks or read its process
 * history. Anyone else gets 404, as if the dossier did not exist, so a code cannot be probed.
 */
@Component
public class DossierAccess {

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;

  public DossierAccess(TaskService tasks, HistoryService history, IdentityService identity) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
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
}
