package vn.gov.sct.onestop.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * Checks, on completion of a user task, that the person gave the decision the next step needs, so a task
 * completed through the REST API without its form's fields fails with a clear message and the process
 * does not move. Used by the models as complete listeners, e.g.
 * {@code ${taskOutcomes.require(task, 'receptionDecision', 'ACCEPT SUPPLEMENT REFUSE')}}.
 */
@Component("taskOutcomes")
public class TaskOutcomes {

  private final ZoneId zone;

  public TaskOutcomes(WorkingCalendar calendar) {
    this.zone = calendar.zone();
  }

  public void require(DelegateTask task, String variable, String allowedValues) {
    List<String> allowed = Arrays.asList(allowedValues.trim().split("\\s+"));
    Object value = task.getVariable(variable);
    if (value == null || !allowed.contains(value.toString())) {
      throw new TaskInputException(task, variable, value == null ? Reason.CHOICE_MISSING : Reason.CHOICE_INVALID,
          allowed, value, "must be one of " + String.join(", ", allowed)
          + (value == null ? " but is missing" : ", not '" + value + "'"));
    }
  }

  public void requireText(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new TaskInputException(task, variable, Reason.REQUIRED, List.of(), value, "is required");
    }
  }

  /**
   * The variable is a date, e.g. the inspection date or the new appointment date of an apology. Camunda Forms in Tasklist send dates as text ({@code 2026-10-10T09:00},
   * {@code 2026-10-10T09:00+07:00}, or a day {@code 2026-10-10}, meaning the end of its afternoon session);
   * such text is read in the department's time zone and stored back as a date.
   */
  public void requireDate(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value instanceof Date) {
      return;
    }
    if (value == null || value.toString().isBlank()) {
      throw new TaskInputException(task, variable, Reason.REQUIRED, List.of(), value, "is required");
    }
    Instant parsed = parseDate(value.toString().trim());
    if (parsed == null) {
      throw new TaskInputException(task, variable, Reason.DATE, List.of(), value,
          "must be a date like 2026-10-10T09:00, not '" + value + "'");
    }
    task.setVariable(variable, Date.from(parsed));
  }

  private Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atTime(LocalTime.of(17, 30)).atZone(zone).toInstant();
    } catch (DateTimeParseException notADay) {
      return null;
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
      throw new TaskInputException(task, variable, Reason.MEMBER, List.of(group), user,
          "must name a user of group '" + group + "', not '" + user + "'");
    }
  }

  /** What was wrong with the variable; each reason has its message ({@code task-input.<key>} in messages_*). */
  public enum Reason {
    CHOICE_MISSING("choice-missing"), CHOICE_INVALID("choice-invalid"), REQUIRED("required"), DATE("date"),
    MEMBER("member"),
    /** A structured value (e.g. the reception checklist) that breaks a rule; the rule is in {@code detail}. */
    INVALID("invalid");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * A user task was completed without a value its next step needs, or with one outside its choices: the
   * client's error. The message (English) is for logs; the API answers with the reason, the variable and the
   * allowed values in the caller's language ({@code config/EngineRestErrors}).
   */
  public static class TaskInputException extends IllegalArgumentException {
    private final String variable;
    private final Reason reason;
    private final List<String> allowed;
    private final String given;
    private final String detail;

    public TaskInputException(DelegateTask task, String variable, Reason reason, List<String> allowed, Object given,
        String problem) {
      super("Task '" + task.getTaskDefinitionKey() + "' (" + task.getName() + "): variable '" + variable + "' "
          + problem);
      this.variable = variable;
      this.reason = reason;
      this.allowed = List.copyOf(allowed);
      this.given = given == null ? null : given.toString();
      this.detail = problem;
    }

    /** A value that breaks a rule of its own ({@link Reason#INVALID}), the rule said in {@code problem}. */
    public TaskInputException(DelegateTask task, String variable, String problem) {
      this(task, variable, Reason.INVALID, List.of(), null, problem);
    }

    public String variable() {
      return variable;
    }

    public Reason reason() {
      return reason;
    }

    /** The values the variable may take (a decision's choices), or the group a named user must belong to. */
    public List<String> allowed() {
      return allowed;
    }

    /** The value given, null when missing. */
    public String given() {
      return given;
    }

    /** What is wrong, in the words of the rule that refused it. */
    public String detail() {
      return detail;
    }
  }
}
