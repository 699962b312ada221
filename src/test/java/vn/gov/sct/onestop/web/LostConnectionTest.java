package vn.gov.sct.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.TestDatabase;

/**
 * A connection that PostgreSQL terminates in the middle of a clerk's step (as a server restart does to every
 * connection): the step is not written, and what the engine throws is recognised as "the database cannot be
 * reached" (503, retry), also in the shape that reached clients as 500 and 401 in the cluster harness (RELIABILITY.md,
 * scenario 3): the commit fails, the pool evicts the connection, and Spring throws only the rollback's "Connection is
 * closed". A real fault: {@code pg_terminate_backend} of the backend that holds the step's transaction.
 */
class LostConnectionTest extends EngineTestSupport {

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aClaimWhoseConnectionPostgresTerminatedBeforeTheCommitIsUnavailableAndNotWritten() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "pg_terminate_backend is PostgreSQL's");
    clockAt("2026-03-02T09:00");
    String code = submit("promotionRegistration", "Công ty Mất kết nối").getBusinessKey();
    Task task = openTask(code, "checkCompleteness");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    Throwable thrown = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      // the claim joins this transaction, so it runs on this connection and is flushed, not yet committed
      int backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
      taskService.claim(task.getId(), "motcua");
      terminate(backend);
    }));

    assertThat(thrown).as("the commit on the terminated connection").isNotNull();
    assertThat(DatabaseUnavailable.causedBy(thrown)).as("%s", thrown).isTrue();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .as("the claim was rolled back with the connection").isNull();
    // the pool replaced the evicted connection: the same clerk's retry goes through
    taskService.claim(task.getId(), "motcua");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("motcua");
  }

  /** Terminates the backend from another pooled connection and waits until it is gone. */
  private void terminate(int backend) {
    try (Connection other = dataSource.getConnection()) {
      try (PreparedStatement kill = other.prepareStatement("select pg_terminate_backend(?)")) {
        kill.setInt(1, backend);
        kill.executeQuery().close();
      }
      for (int i = 0; i < 100; i++) {
        try (PreparedStatement alive = other.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
          alive.setInt(1, backend);
          try (ResultSet rows = alive.executeQuery()) {
            rows.next();
            if (rows.getInt(1) == 0) {
              return;
            }
          }
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("backend " + backend + " still alive");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
