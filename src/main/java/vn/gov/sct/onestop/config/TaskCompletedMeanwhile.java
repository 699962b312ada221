package vn.gov.sct.onestop.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Whether a failed task completion on the engine REST API lost a race: two clerks completed the same task at once
 * on two nodes, the other's commit came first, and this one then found no task (Camunda: 500 "Cannot find task")
 * or no longer the candidate-group link that authorized it (403). The task is gone, so it is the same answer as a
 * concurrent change: 409, reload and look again (README, Design; RELIABILITY.md, scenario 4). Found by the cluster
 * harness.
 */
final class TaskCompletedMeanwhile {

  /**
   * A completion on the engine REST API ({@code /engine-rest/task/{id}/complete}, also with a named engine) or on
   * the web apps' engine API, where Tasklist's forms submit ({@code /camunda/api/engine/engine/default/task/{id}/
   * submit-form}).
   */
  private static final Pattern COMPLETION = Pattern.compile(
      ".*/(?:engine-rest(?:/engine/[^/]+)?|api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)");

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;

  TaskCompletedMeanwhile(TaskService tasks, HistoryService history, IdentityService identity) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
  }

  /**
   * True when the request completes a task that existed and is finished: no longer a runtime task, but a finished
   * one in the history. A task id that never existed keeps Camunda's own answer.
   */
  boolean applies(HttpServletRequest request) {
    if (request == null || !"POST".equals(request.getMethod())) {
      return false;
    }
    Matcher completion = COMPLETION.matcher(request.getRequestURI());
    if (!completion.matches()) {
      return false;
    }
    // asked without the user's authorizations: a task the user may not see is not "gone" (that stays a 403)
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      String taskId = completion.group(1);
      return tasks.createTaskQuery().taskId(taskId).count() == 0
          && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    } catch (RuntimeException cannotTell) {
      // the database is gone too (a PostgreSQL restart): an exception mapper must not throw; the caller answers
      return false;
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
