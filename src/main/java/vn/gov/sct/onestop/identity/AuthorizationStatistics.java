package vn.gov.sct.onestop.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a clerk's Tasklist filters linear in the backlog on PostgreSQL (BENCHMARKS.md, run 7, issue 18).
 *
 * <p>Camunda's task query, with authorizations on, left-joins the clerk's authorization rows {@code ON
 * (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))} (engine mapping Task.xml), and the engine writes one such row per
 * open task for its candidate group. PostgreSQL can answer that join by looking each task's rows up in
 * {@code ACT_IDX_AUTH_RESOURCE_ID} (a parameterized bitmap-OR scan: linear), but chooses to pair every task with every
 * row (a nested loop over a materialized scan: quadratic) when it believes the clerk has a handful of rows. It
 * believes so because the permission test {@code PERMS_ & 2 = 2} has no statistics (default selectivity 0.5 %:
 * 5 rows estimated for 1,000 at 2,000 open dossiers). Extended statistics on those expressions give it the true
 * count. Two settings of the PostgreSQL connections (application-postgres.yaml) do the rest: {@code plan_cache_mode
 * = force_custom_plan}, or after five executions of a prepared statement PostgreSQL falls back to a generic plan that
 * has no values to read the statistics with; {@code random_page_cost = 1.1}, or the look-ups, priced as reads from a
 * spinning disk, still look dearer than the pairing up to some 10,000 open dossiers. Measured on the engine's own
 * statement: with any one of the three missing the plan stays the pairing at these sizes (BENCHMARKS.md, run 7).
 *
 * <p>A plugin, not a Flyway migration: the migrations run before the engine creates its tables on a new database.
 * Creating the statistics object is idempotent; it is analysed once when created and then by autovacuum with the
 * table. Nothing here touches what a clerk may see: the authorization rows and checks stay the engine's.
 */
@Component
public class AuthorizationStatistics extends AbstractProcessEnginePlugin {

  static final String NAME = "onestop_auth_perms";
  private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final DataSource dataSource;

  public AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) || exists(connection)) {
        return;
      }
      // the two permission tests of the task query's join: READ on a task, READ_TASK on its process definition
      int readTask = Permissions.READ.getValue();
      int readTaskOfDefinition = ProcessDefinitionPermissions.READ_TASK.getValue();
      try (Statement s = connection.createStatement()) {
        s.execute("create statistics if not exists " + NAME + " on resource_type_, (perms_ & " + readTask + "), "
            + "(perms_ & " + readTaskOfDefinition + ") from act_ru_authorization");
        s.execute("analyze act_ru_authorization");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      log.info("Created the statistics {} on ACT_RU_AUTHORIZATION for the Tasklist's task queries", NAME);
    } catch (SQLException e) {
      // a role that may not create statistics keeps a working Tasklist, slower with a large backlog
      log.warn("No statistics {} on ACT_RU_AUTHORIZATION ({}): Tasklist filters slow down with the square of a "
          + "large backlog (BENCHMARKS.md, run 7)", NAME, e.getMessage());
    }
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "select 1 from pg_statistic_ext where stxname = ? and stxnamespace = current_schema()::regnamespace")) {
      s.setString(1, NAME);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
