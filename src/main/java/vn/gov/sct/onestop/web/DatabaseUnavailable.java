package vn.gov.sct.onestop.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
  private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, 0);
  }

  private static boolean causedBy(Throwable failure, int depth) {
    for (Throwable t = failure; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      // SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or starting up
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() == null && fromEvictedConnection(sql)) {
        return true;
      }
      // the database went away mid-transaction: the rollback failed too ("Connection is closed", no SQL state),
      // and Spring throws that instead of the failure that caused it, which it keeps as the application exception
      if (t instanceof TransactionSystemException rollback && causedBy(rollback.getApplicationException(), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * HikariCP's stand-in for a connection it closed: once a statement met a lost connection (SQL state 08..., 57P01),
   * the pool evicts it and every later call, such as the rollback after a failed commit, throws "Connection is
   * closed" without an SQL state (HikariCP 6, {@code ProxyConnection.ClosedConnection}). Spring then throws that
   * rollback failure alone ("Commit exception overridden by rollback exception"), so it is all a client's request
   * has to show for the lost connection (RELIABILITY.md, scenario 3: a claim answered 500, a sign-in 401).
   */
  private static boolean fromEvictedConnection(SQLException sql) {
    for (StackTraceElement frame : sql.getStackTrace()) {
      if (frame.getClassName().startsWith(HIKARI_CLOSED_CONNECTION)) {
        return true;
      }
    }
    return false;
  }

  public static ApiProblem problem() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, KEY);
  }
}
