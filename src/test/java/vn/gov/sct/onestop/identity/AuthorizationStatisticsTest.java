package vn.gov.sct.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.TestDatabase;

/**
 * On PostgreSQL the planner knows how many authorization rows a clerk's task query joins (the statistics of
 * {@link AuthorizationStatistics}), and plans every execution with its values; without both, it takes a division's
 * thousands of per-task rows for a handful and pairs every task with every row (BENCHMARKS.md, run 7).
 */
class AuthorizationStatisticsTest extends EngineTestSupport {

  /** The task query's permission test on single tasks (READ on a task), as the engine's mapping writes it. */
  private static final String TASK_READ_ROWS = "select * from act_ru_authorization where type_ < 2 "
      + "and group_id_ = 'trade-management' and resource_type_ = 7 and perms_ & 2 = 2";

  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void thePlannerEstimatesADivisionsTaskGrantsFromStatistics() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "PostgreSQL's planner statistics");
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
        AuthorizationStatistics.NAME)).isEqualTo(1);
    // the rows the engine writes for a candidate group on each open task (DefaultAuthorizationProvider)
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("trade-management");
      grant.setResource(Resources.TASK);
      grant.setResourceId(UUID.randomUUID().toString());
      grant.addPermission(Permissions.READ);
      ids.add(authorizations.saveAuthorization(grant).getId());
    }
    try {
      jdbc.execute("analyze act_ru_authorization");
      long actual = jdbc.queryForObject("select count(*) from (" + TASK_READ_ROWS + ") r", Long.class);
      JsonNode plan = json.readTree(jdbc.queryForObject("explain (format json) " + TASK_READ_ROWS, String.class))
          .get(0).get("Plan");
      // without the statistics PostgreSQL takes 0.5 % of the type's rows for "perms_ & 2 = 2": a handful
      assertThat(actual).isGreaterThanOrEqualTo(400);
      assertThat(plan.get("Plan Rows").asDouble()).isGreaterThan(actual / 2.0);
    } finally {
      ids.forEach(authorizations::deleteAuthorization);
    }
  }

  @Test
  void everyConnectionPlansEachExecutionWithItsValues() {
    assumeTrue(TestDatabase.isPostgres(), "a PostgreSQL setting");
    // a generic plan of a prepared statement has no values to read the statistics with
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    // index look-ups priced as reads from memory, not from a spinning disk
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
  }
}
