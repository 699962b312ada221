package vn.gov.sct.onestop.dossier;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Checks, on completion of a user task, that the person gave the decision the next step needs, so a task
 * completed through the REST API without its form's fields fails with a clear message and the process
 * does not move. Used by the models as complete listeners, e.g.
 * {@code ${taskOutcomes.require(task, 'receptionDecision', 'ACCEPT SUPPLEMENT REFUSE')}}.
 */
@Component("taskOutcomes")
public class TaskOutcomes {

  public void require(DelegateTask task, String variable, String allowedValues) {
    List<String> allowed = Arrays.asList(allowedValues.trim().split("\\s+"));
    Object value = task.getVariable(variable);
    if (value == null || !allowed.contains(value.toString())) {
      throw new TaskInputException(task, variable, "must be one of " + String.join(", ", allowed)
          + (value == null ? " but is missing" : ", not '" + value + "'"));
    }
  }

  public void requireText(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new TaskInputException(task, variable, "is required");
    }
  }

  /** The variable holds a date, e.g. the inspection date or the new appointment date of an apology. */
  public void requireDate(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (!(value instanceof java.util.Date)) {
      throw new TaskInputException(task, variable, value == null ? "is required" : "must be a date, not '" + value + "'");
    }
  }

  /** The variable names a user of the group, e.g. the specialist a division head assigns. */
  public void requireMember(DelegateTask task, String variable, String group) {
    requireText(task, variable);
    String user = task.getVariable(variable).toString();
    // the division head may not read user accounts; the check itself is the engine's business
    CommandContext context = Context.getCommandContext();
    context.disableAuthorizationCheck();
    long members;
    try {
      members = task.getProcessEngineServices().getIdentityService().createUserQuery()
          .userId(user).memberOfGroup(group).count();
    } finally {
      context.enableAuthorizationCheck();
    }
    if (members == 0) {
      throw new TaskInputException(task, variable, "must name a user of group '" + group + "', not '" + user + "'");
    }
  }

  /** A user task was completed without a value its next step needs. */
  public static class TaskInputException extends IllegalArgumentException {
    public TaskInputException(DelegateTask task, String variable, String problem) {
      super("Task '" + task.getTaskDefinitionKey() + "' (" + task.getName() + "): variable '" + variable + "' "
          + problem);
    }
  }
}
