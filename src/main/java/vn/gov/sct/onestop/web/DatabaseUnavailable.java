package vn.gov.sct.onestop.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached (down, restarting, no free connection within the
 * pool's timeout) rather than that the request was wrong. Such a request changed nothing, and the same request
 * may succeed a few seconds later: it is answered 503 with a problem detail and {@code Retry-After}, on our API,
 * the engine REST API and the staff sign-in (a password that cannot be checked is not a wrong password: no 401).
 */
public final class DatabaseUnavailable {

  /** Seconds a client waits before sending the request again. */
  public static final String RETRY_AFTER_SECONDS = "5";
  public static final String KEY = "database-unavailable";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      // SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or starting up
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  public static ApiProblem problem() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, KEY);
  }
}
