package vn.gov.sct.onestop.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.support.WebApplicationContextUtils;
import vn.gov.sct.onestop.dossier.MissingVariableException;
import vn.gov.sct.onestop.dossier.TaskOutcomes.Reason;
import vn.gov.sct.onestop.dossier.TaskOutcomes.TaskInputException;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.DatabaseUnavailable;
import vn.gov.sct.onestop.web.Problems;

/**
 * Answers of the engine's APIs that Camunda gives as 500 (or 403), made the client's business:
 *
 * <ul>
 *   <li><b>409 Conflict</b> for a concurrent change: two clerks (or a clerk and an SLA timer job) changed the same
 *       dossier at once, the engine rolled one transaction back and nothing was written, so the client may load the
 *       task again and retry. The body keeps Camunda's error shape ({@code type}, {@code message}, {@code code} 1,
 *       Camunda's code for optimistic locking), so clients that read Camunda's error codes keep working.</li>
 *   <li><b>400 Bad Request</b> for a refused completion: a decision task completed without its decision variable,
 *       with a value outside its choices, or without another value its next step needs (the complete listeners of
 *       {@code dossier/TaskOutcomes}, a delegate's {@link MissingVariableException}). The body is our problem detail
 *       ({@code urn:onestop:problem:task-input}) in the caller's language, naming the variable and its allowed values
 *       in {@code errors}, plus Camunda's {@code message}, which Tasklist shows to the clerk.</li>
 *   <li><b>409 Conflict</b> too for a completion of a task that is already gone: two clerks completed it at once on
 *       two nodes and the other's commit came first, so this one found no task (Camunda: 500), no longer the
 *       candidate-group link that authorized it (403), or the task but no longer its execution or variables (the
 *       engine's own NullPointerException, a required variable missing) ({@link TaskCompletedMeanwhile};
 *       RELIABILITY.md). This is decided first: a refused input of a task that is gone is a conflict too.</li>
 *   <li><b>503 Service Unavailable</b> with Retry-After when the request could not reach the database (PostgreSQL
 *       restarting, no pooled connection in time): nothing was written and the same request may be sent again.</li>
 * </ul>
 *
 * <p>Both in the engine REST API ({@code /engine-rest}) and in the web apps' own APIs ({@code /camunda/api/engine},
 * which Tasklist's forms call to complete tasks, and the other {@code /camunda/api/*}, among them the login form's
 * sign-in): the same mappers are registered in every Jersey application. Jersey keeps one mapper per exception type,
 * so every case is decided here, in {@link #clientError}. Anything else goes to Camunda's own handling.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestErrors {

  static final String CONFLICT_MESSAGE =
      "Hồ sơ vừa được thay đổi bởi một thao tác khác cùng lúc; không có gì được ghi. Hãy tải lại công việc và thử lại.";
  /** The name under which Camunda's web-app starter registers the web apps' engine API servlet. */
  static final String WEBAPP_ENGINE_API = "Engine Api";
  /** The Jersey servlets of the web apps (CamundaBpmWebappInitializer of camunda-bpm-spring-boot-starter-webapp). */
  static final List<String> WEBAPP_APIS = List.of(WEBAPP_ENGINE_API, "Cockpit Api", "Admin Api", "Tasklist Api",
      "Welcome Api");

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  @Bean
  ResourceConfigCustomizer engineRestErrorMappers() {
    return config -> MAPPERS.forEach(config::register);
  }

  /**
   * The web apps' engine API is a Jersey servlet that Camunda's web-app starter registers with its own application
   * class; Jersey adds the provider classes named in the servlet's init parameter to it. The servlet exists once
   * Spring Boot's initializers have run: a servlet container initializer added after them (Tomcat runs them in the
   * order added) names the mappers there. The web apps' other APIs (Cockpit's, Tasklist's, Admin's with the login
   * form's sign-in, the welcome page's) get them too, so a database outage is 503 there as well.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webAppEngineApiErrorMappers() {
    return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(
        (classes, servletContext) -> {
          for (String name : WEBAPP_APIS) {
            ServletRegistration api = servletContext.getServletRegistration(name);
            if (api == null) {
              throw new IllegalStateException("Servlet '" + name + "' of the Camunda web apps not found: "
                  + "the web apps would show refused completions and database outages as server errors");
            }
            api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
                String.join(",", MAPPERS.stream().map(Class::getName).toList()));
          }
        }, null));
  }

  /**
   * One mapper per exception type that can carry a conflict or a refused input: Jersey asks the mapper of the nearest
   * type, and of two for the same type the one of higher priority, so these win over Camunda's. Whatever else they
   * meet gets Camunda's own answer.
   */
  @Priority(Priorities.USER - 100)
  abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {
    @Context private HttpServletRequest request;
    @Context private ServletContext servletContext;

    @Override
    public Response toResponse(E e) {
      Response ours = clientError(e, request, servletContext);
      return ours != null ? ours : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /**
   * Camunda's resources wrap what the engine throws in a {@link RestException} of status 500 ("Cannot complete task
   * …").
   */
  @Priority(Priorities.USER - 100)
  public static final class Wrapped extends Mapper<RestException> {}

  /** What the engine throws itself, e.g. a listener's exception wrapped by the expression that called it. */
  @Priority(Priorities.USER - 100)
  public static final class Unwrapped extends Mapper<ProcessEngineException> {}

  /** A delegate's own exception, which the engine lets through unwrapped (TaskInputException's type, too). */
  @Priority(Priorities.USER - 100)
  public static final class Raw extends Mapper<IllegalArgumentException> {}

  /** The losing clerk of a completion race, refused by the authorization check after the winner's commit. */
  @Priority(Priorities.USER - 100)
  public static final class Refused extends Mapper<AuthorizationException> {}

  /** Spring's transaction manager fails before the engine's command starts: not an engine exception. */
  @Priority(Priorities.USER - 100)
  public static final class Any extends Mapper<Throwable> {}

  private static final List<Class<?>> MAPPERS =
      List.of(Wrapped.class, Unwrapped.class, Raw.class, Refused.class, Any.class);

  /**
   * 409, 400 or 503 when the cause is a conflict, a refused input or an unreachable database; null for Camunda's
   * own handling.
   */
  static Response clientError(Throwable e, HttpServletRequest request, ServletContext servletContext) {
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    // a completion whose task another clerk finished meanwhile is a conflict whatever the engine met on the way:
    // it may read the task before the winner's commit and the rest after it, and then fail with its own
    // NullPointerException or with one of our refusals (a variable the winner's step had already removed)
    if (!DatabaseUnavailable.causedBy(e)
        && new TaskCompletedMeanwhile(spring.getBean(TaskService.class), spring.getBean(HistoryService.class),
            spring.getBean(IdentityService.class)).applies(request)) {
      return conflict(e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException conflict) {
        return conflict(conflict);
      }
      if (cause instanceof TaskInputException input) {
        return refused(input.variable(), input.reason(), input.allowed(), input.given(), input.detail(), input,
            request, servletContext);
      }
      if (cause instanceof ApiProblem problem && problem.status().is4xxClientError()) {
        // a rule of ours refused the input inside the engine's command (a start form's field values)
        return problem(spring.getBean(Problems.class), problem, request);
      }
      if (cause instanceof MissingVariableException missing) {
        return refused(missing.variable(), Reason.REQUIRED, List.of(), null, null, missing, request,
            servletContext);
      }
    }
    if (DatabaseUnavailable.causedBy(e)) {
      return unavailable(spring.getBean(Problems.class), e, request);
    }
    return null;
  }

  private static Response unavailable(Problems problems, Throwable e, HttpServletRequest request) {
    log.warn("Engine request could not reach the database: {}", e.toString());
    return problem(problems, DatabaseUnavailable.problem(), request);
  }

  /** Our problem detail, in the caller's language, as our own API answers it. */
  private static Response problem(Problems problems, ApiProblem problem, HttpServletRequest request) {
    Response.ResponseBuilder response = Response.status(problem.status().value())
        .type(Problems.PROBLEM_JSON.toString())
        .entity(problems.of(problem, problems.locale(request)));
    if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
    return response.build();
  }

  static Response conflict(Throwable e) {
    log.debug("Engine REST request met a concurrent change: {}", e.getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", OptimisticLockingException.class.getSimpleName());
    body.put("message", CONFLICT_MESSAGE);
    // the engine sets this code when it throws; an exception made outside a command has none yet
    body.put("code", BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
    return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response refused(String variable, Reason reason, List<String> allowed, String given, String rule,
      Exception e, HttpServletRequest request, ServletContext servletContext) {
    log.debug("Engine REST request refused as bad input: {}", e.getMessage());
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    Problems problems = spring.getBean(Problems.class);
    Locale locale = problems.locale(request);
    String message = problems.message("task-input." + reason.key(),
        new Object[] {variable, String.join(", ", allowed), shown(given), plain(rule)}, locale);
    Map<String, Object> error = new LinkedHashMap<>(Problems.field(variable, message));
    if (reason == Reason.CHOICE_MISSING || reason == Reason.CHOICE_INVALID) {
      error.put("allowedValues", allowed);
    }
    ProblemDetail detail = problems.build(HttpStatus.BAD_REQUEST, "task-input", new Object[] {message}, List.of(),
        locale);
    detail.setInstance(URI.create(request.getRequestURI()));
    detail.setProperty("errors", List.of(error));
    // Camunda's error field: Tasklist and Camunda's clients show it as the reason
    detail.setProperty("message", detail.getDetail());
    try {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(spring.getBean(ObjectMapper.class).writeValueAsString(detail))
          .type(Problems.PROBLEM_JSON.toString() + ";charset=UTF-8").build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** A rule's words without markup (Tasklist shows messages as HTML). */
  private static String plain(String text) {
    return text == null ? "" : text.replaceAll("[<>&\"\\p{Cntrl}]", "");
  }

  /** The refused value as the message quotes it: short, and no markup (Tasklist shows messages as HTML). */
  private static String shown(String given) {
    if (given == null) {
      return "";
    }
    String plain = given.replaceAll("[<>&\"\\p{Cntrl}]", "");
    return plain.length() > 64 ? plain.substring(0, 64) + "…" : plain;
  }
}
