package vn.gov.sct.onestop.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sct.onestop.web.DatabaseUnavailable;
import vn.gov.sct.onestop.web.Problems;

/**
 * The engine REST API answers a concurrent change with 409 Conflict instead of Camunda's 500: two clerks (or a
 * clerk and an SLA timer job) changed the same dossier at once, the engine rolled one transaction back and nothing
 * was written, so the client may load the task again and retry. The body keeps Camunda's error shape
 * ({@code type}, {@code message}, {@code code} 1, Camunda's code for optimistic locking), so clients that read
 * Camunda's error codes keep working.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestConflicts {

  static final String MESSAGE =
      "Hồ sơ vừa được thay đổi bởi một thao tác khác cùng lúc; không có gì được ghi. Hãy tải lại công việc và thử lại.";

  private static final Logger log = LoggerFactory.getLogger(EngineRestConflicts.class);

  @Bean
  ResourceConfigCustomizer engineRestConflictMappers(Problems problems, TaskService tasks, IdentityService identity) {
    TaskCompletedMeanwhile completedMeanwhile = new TaskCompletedMeanwhile(tasks, identity);
    return config -> config.register(new Unwrapped()).register(new Wrapped(problems, completedMeanwhile))
        .register(new Refused(completedMeanwhile));
  }

  /** The engine's exception as thrown by the services (Jersey picks the mapper of the nearest type). */
  static final class Unwrapped implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException e) {
      return conflict(e);
    }
  }

  /**
   * Camunda's resources wrap what the engine throws in a {@link RestException} of status 500 ("Cannot complete
   * task …"); a conflict inside is a 409, anything else goes to Camunda's own handling. A higher priority than
   * Camunda's mapper of the same type, so Jersey asks this one.
   */
  @Priority(Priorities.USER - 100)
  static final class Wrapped implements ExceptionMapper<RestException> {
    private final Problems problems;
    private final TaskCompletedMeanwhile completedMeanwhile;

    Wrapped(Problems problems, TaskCompletedMeanwhile completedMeanwhile) {
      this.problems = problems;
      this.completedMeanwhile = completedMeanwhile;
    }

    @Override
    public Response toResponse(RestException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException conflict) {
          return conflict(conflict);
        }
      }
      if (DatabaseUnavailable.causedBy(e)) { // the one mapper of this type also serves EngineRestUnavailable
        return EngineRestUnavailable.unavailable(problems, e);
      }
      if (completedMeanwhile.applies()) {
        return conflict(e);
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /**
   * The losing clerk of a completion race may also be refused by the authorization check (403): the winner's commit
   * removed the candidate-group link that let them work on the task. A task that is gone is a conflict.
   */
  @Priority(Priorities.USER - 100)
  static final class Refused implements ExceptionMapper<AuthorizationException> {
    private final TaskCompletedMeanwhile completedMeanwhile;

    Refused(TaskCompletedMeanwhile completedMeanwhile) {
      this.completedMeanwhile = completedMeanwhile;
    }

    @Override
    public Response toResponse(AuthorizationException e) {
      return completedMeanwhile.applies() ? conflict(e) : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  static Response conflict(Exception e) {
    log.debug("Engine REST request met a concurrent change: {}", e.getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", OptimisticLockingException.class.getSimpleName());
    body.put("message", MESSAGE);
    // the engine sets this code when it throws; an exception made outside a command has none yet
    body.put("code", BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
    return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
