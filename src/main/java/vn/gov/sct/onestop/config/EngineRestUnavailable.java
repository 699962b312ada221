package vn.gov.sct.onestop.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.gov.sct.onestop.web.DatabaseUnavailable;
import vn.gov.sct.onestop.web.Problems;

/**
 * The engine REST API answers a request that could not reach the database (PostgreSQL restarting, no pooled
 * connection within the pool's timeout) with 503, a problem detail and Retry-After, instead of Camunda's 500:
 * nothing was written and the same request may be sent again (README, Operations; RELIABILITY.md, scenario 3).
 * Anything else goes to Camunda's own handling. Higher priority than Camunda's mappers of the same types.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestUnavailable {

  private static final Logger log = LoggerFactory.getLogger(EngineRestUnavailable.class);

  @Bean
  ResourceConfigCustomizer engineRestUnavailableMappers(Problems problems, TaskService tasks,
      IdentityService identity) {
    TaskCompletedMeanwhile completedMeanwhile = new TaskCompletedMeanwhile(tasks, identity);
    return config -> config.register(new EngineFailure(problems, completedMeanwhile))
        .register(new AnyFailure(problems));
  }

  /** Also the losing completion of a race on a task (EngineRestConflicts): the one mapper of this type. */
  @Priority(Priorities.USER - 100)
  static final class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    private final Problems problems;
    private final TaskCompletedMeanwhile completedMeanwhile;

    EngineFailure(Problems problems, TaskCompletedMeanwhile completedMeanwhile) {
      this.problems = problems;
      this.completedMeanwhile = completedMeanwhile;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      if (DatabaseUnavailable.causedBy(e)) {
        return unavailable(problems, e);
      }
      if (completedMeanwhile.applies()) {
        return EngineRestConflicts.conflict(e);
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /** Spring's transaction manager fails before the engine's command starts: not a ProcessEngineException. */
  @Priority(Priorities.USER - 100)
  static final class AnyFailure implements ExceptionMapper<Throwable> {
    private final Problems problems;

    AnyFailure(Problems problems) {
      this.problems = problems;
    }

    @Override
    public Response toResponse(Throwable e) {
      return DatabaseUnavailable.causedBy(e) ? unavailable(problems, e) : ExceptionHandlerHelper.getInstance()
          .getResponse(e);
    }
  }

  static Response unavailable(Problems problems, Throwable e) {
    log.warn("Engine REST request could not reach the database: {}", e.toString());
    Locale locale = Locale.forLanguageTag("vi");
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      locale = problems.locale(attributes.getRequest());
    }
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .type(Problems.PROBLEM_JSON.toString())
        .entity(problems.of(DatabaseUnavailable.problem(), locale)).build();
  }
}
