package vn.gov.sct.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503, retry) and which are something else. */
class DatabaseUnavailableTest {

  @Test
  void aPoolTimeoutOrALostConnectionDeepInTheCausesIsUnavailability() {
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("could not open JDBC Connection",
        new RuntimeException(new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))))
        .isTrue();
    assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("cut",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("shutting down",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
  }

  @Test
  void aRollbackThatFailedBecauseTheServerWentAwayIsUnavailability() {
    // as logged in the cluster harness's PostgreSQL restart: the rollback's exception hides the server's
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("An exception occurred in the persistence layer",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("persistence", rollback))).isTrue();
    TransactionSystemException other = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    other.initApplicationException(new IllegalStateException("a bug"));
    assertThat(DatabaseUnavailable.causedBy(other)).isFalse();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("Cannot find task with id x"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    // the words alone are not enough: only HikariCP's stand-in for an evicted connection says it was lost
    // (LostConnectionTest makes one for real on PostgreSQL)
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("persistence",
        new SQLException("Connection is closed")))).isFalse();
  }
}
