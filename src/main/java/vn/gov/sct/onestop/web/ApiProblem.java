package vn.gov.sct.onestop.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client error of our API, answered as an RFC 9457 problem detail: the status, a message key of
 * {@code messages_*.properties} (the problem's type, title and detail derive from it) and, when fields are
 * at fault, one {@link FieldIssue} per field.
 */
public class ApiProblem extends RuntimeException {

  /** A field at fault: its JSON path (or part / header name) and a message key with arguments. */
  public record FieldIssue(String field, String messageKey, Object... args) {}

  private final HttpStatus status;
  private final String key;
  private final transient Object[] args;
  private final transient List<FieldIssue> errors;

  public ApiProblem(HttpStatus status, String key, List<FieldIssue> errors, Object... args) {
    super(key);
    this.status = status;
    this.key = key;
    this.args = args;
    this.errors = List.copyOf(errors);
  }

  public ApiProblem(HttpStatus status, String key, Object... args) {
    this(status, key, List.of(), args);
  }

  /** One field at fault; the problem's key doubles as the field's message key. */
  public static ApiProblem field(HttpStatus status, String key, String field, Object... args) {
    return new ApiProblem(status, key, List.of(new FieldIssue(field, key + ".field", args)), args);
  }

  public HttpStatus status() {
    return status;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }

  public List<FieldIssue> errors() {
    return errors;
  }
}
