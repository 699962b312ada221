package vn.gov.sct.onestop.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our Spring MVC endpoints as a localized problem detail. Client errors name the field at
 * fault; anything unexpected is a 500 without internals (logged here).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Problems problems;

  public ApiExceptionHandler(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    return respond(problems.of(problem, locale()));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    return respond(problems.build(HttpStatus.BAD_REQUEST, "multipart", null, List.of(), locale()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      log.warn("Database unavailable while answering an API request: {}", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.PROBLEM_JSON)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .body(problems.of(DatabaseUnavailable.problem(), locale()));
    }
    log.error("Unexpected error answering an API request", e);
    return respond(problems.build(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, List.of(), locale()));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = locale();
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(Problems.field(error.getField(), problems.message(error, locale)));
    }
    for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
      errors.add(Problems.field(error.getObjectName(), problems.message(error, locale)));
    }
    return body(problems.build(HttpStatus.BAD_REQUEST, "validation", new Object[] {errors.size()}, errors, locale));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = locale();
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
        errors.add(Problems.field(result.getMethodParameter().getParameterName(), problems.message(error, locale)))));
    return body(problems.build(HttpStatus.BAD_REQUEST, "validation", new Object[] {errors.size()}, errors, locale));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(unreadable(ex.getMostSpecificCause(), locale()));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = locale();
    String part = ex.getRequestPartName();
    return body(problems.build(HttpStatus.BAD_REQUEST, "validation", new Object[] {1},
        List.of(Problems.field(part, problems.message("field.required-part", null, locale))), locale));
  }

  /** Spring's own client errors (405, 406, 415, 404 of unknown paths, 413 ...): same shape, our words. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    Object ours = body;
    if (ex instanceof MissingRequestHeaderException missing) {
      ours = problems.build(statusCode, "validation", new Object[] {1},
          List.of(Problems.field(missing.getHeaderName(), problems.message("field.required-header", null, locale()))),
          locale());
    } else if (!(body instanceof ProblemDetail detail) || detail.getType() == null
        || !detail.getType().toString().startsWith("urn:onestop:")) {
      ours = problems.build(statusCode, "http." + statusCode.value(), null, List.of(), locale());
    }
    return super.handleExceptionInternal(ex, ours, headers, statusCode, request);
  }

  /** Malformed JSON, an unknown field, or a value of the wrong type; names the field when there is one. */
  ProblemDetail unreadable(Throwable cause, Locale locale) {
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return problems.build(HttpStatus.BAD_REQUEST, "validation", new Object[] {1},
          List.of(Problems.field(field, problems.message("field.unknown", null, locale))), locale);
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      String field = path((JsonMappingException) cause);
      if (!field.isEmpty()) {
        return problems.build(HttpStatus.BAD_REQUEST, "validation", new Object[] {1},
            List.of(Problems.field(field, problems.message("field.wrong-type", null, locale))), locale);
      }
    }
    return problems.build(HttpStatus.BAD_REQUEST, "malformed-json", null, List.of(), locale);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() > 200 ? path.substring(0, 200) : path.toString();
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
    return ResponseEntity.status(detail.getStatus()).contentType(Problems.PROBLEM_JSON).body(detail);
  }

  private static ResponseEntity<Object> body(ProblemDetail detail) {
    return ResponseEntity.status(detail.getStatus()).contentType(Problems.PROBLEM_JSON).body(detail);
  }
}
