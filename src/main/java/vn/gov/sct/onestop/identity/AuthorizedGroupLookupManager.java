package vn.gov.sct.onestop.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, except for one question it asks at the start of every authorized command:
 * which of the user's groups have any authorization row at all (a group without one is left out of the checks).
 *
 * <p>The engine answers it by reading every group id of {@code ACT_RU_AUTHORIZATION} ({@code SELECT distinct
 * GROUP_ID_}), a table that holds one row per open task (the engine grants the candidate group READ on each), so
 * every request of every clerk paid for the whole backlog: some 86,000 rows at 50,000 open dossiers (BENCHMARKS.md,
 * run 7). Here each of the user's groups is looked up in the engine's index on {@code GROUP_ID_} with an
 * {@code EXISTS}, which stops at the first row: the same answer, at a cost that does not grow with the backlog.
 *
 * <p>Same contract as the engine's method: the given groups that have at least one authorization row, each once;
 * for no groups an empty {@link ArrayList} (MyBatis calls its methods by reflection). The answer is kept for the
 * command, as the engine keeps its set (a manager is a session of one command), and read on the command's own
 * connection, in its transaction, with the engine's table prefix. Revoke checks and every other check stay the
 * engine's.
 */
public class AuthorizedGroupLookupManager extends AuthorizationManager {

  /** Group id to "has at least one authorization row", for this command. */
  private final Map<String, Boolean> groupHasRows = new HashMap<>();

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
    if (groupIds == null || groupIds.isEmpty()) {
      return new ArrayList<>();
    }
    Set<String> groups = new LinkedHashSet<>(groupIds);
    groups.remove(null);
    List<String> unknown = groups.stream().filter(g -> !groupHasRows.containsKey(g)).toList();
    if (!unknown.isEmpty()) {
      lookUp(unknown);
    }
    return new ArrayList<>(groups.stream().filter(groupHasRows::get).toList());
  }

  /** One statement for all of them: a row with one column per group, each an index probe that stops at once. */
  private void lookUp(List<String> groups) {
    SqlSession session = getDbSqlSession().getSqlSession();
    // the variables the engine's own mappings are written with: ${prefix}, ${dbSpecificDummyTable}
    Properties variables = session.getConfiguration().getVariables();
    String sql = sql(variables.getProperty("prefix", ""), variables.getProperty("dbSpecificDummyTable", ""),
        groups.size());
    Connection connection = session.getConnection(); // the command's: closed with it, not here
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < groups.size(); i++) {
        statement.setString(i + 1, groups.get(i));
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        for (int i = 0; i < groups.size(); i++) {
          groupHasRows.put(groups.get(i), row.getInt(i + 1) == 1);
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not look up which of the groups " + groups
          + " have authorizations", e);
    }
  }

  /**
   * {@code select case when exists (... GROUP_ID_ = ?) then 1 else 0 end, ...}, one column per group (public for the
   * benchmark, which times it).
   */
  public static String sql(String tablePrefix, String dummyTable, int groups) {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < groups; i++) {
      sql.append(i == 0 ? "" : ", ").append("case when exists (select 1 from ").append(tablePrefix)
          .append("ACT_RU_AUTHORIZATION A where A.GROUP_ID_ = ?) then 1 else 0 end");
    }
    return (sql + " " + dummyTable).trim();
  }
}
