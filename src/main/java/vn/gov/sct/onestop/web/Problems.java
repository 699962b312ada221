package vn.gov.sct.onestop.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds the localized RFC 9457 problem details of every 4xx and 5xx answer, from the controllers' advice
 * and from the servlet filters (security, rate limit, expression guard) that answer before Spring MVC.
 * The type is {@code urn:onestop:problem:<key>}; title and detail come from {@code messages_vi} or
 * {@code messages_en} by {@code Accept-Language}; fields at fault are listed in {@code errors}.
 */
@Component
public class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;

  public Problems(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  public ProblemDetail of(ApiProblem problem, Locale locale) {
    List<Map<String, String>> errors = problem.errors().stream()
        .map(issue -> field(issue.field(), message(issue.messageKey(), issue.args(), locale)))
        .toList();
    return build(problem.status(), problem.key(), problem.args(), errors, locale);
  }

  public ProblemDetail build(HttpStatusCode status, String key, Object[] args, List<Map<String, String>> errors,
      Locale locale) {
    ProblemDetail detail = ProblemDetail.forStatus(status);
    detail.setType(URI.create("urn:onestop:problem:" + key));
    detail.setTitle(message("problem." + key + ".title", null, locale));
    detail.setDetail(message("problem." + key + ".detail", args, locale));
    if (!errors.isEmpty()) {
      detail.setProperty("errors", errors);
    }
    return detail;
  }

  public String message(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, key, locale);
  }

  public String message(MessageSourceResolvable resolvable, Locale locale) {
    return messages.getMessage(resolvable, locale);
  }

  public static Map<String, String> field(String field, String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }

  public Locale locale(HttpServletRequest request) {
    return locales.resolveLocale(request);
  }

  /** Writes a problem from a servlet filter, where no controller advice runs. */
  public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
    ProblemDetail detail = of(problem, locale(request));
    detail.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.status().value());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), detail);
  }
}
