package vn.gov.sct.onestop.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 12: what the managers' search ({@link DossierSearch}) needs to answer well under a second over
 * 1,000,000 registry rows (BENCHMARKS.md, run 6; each index chosen from the query's EXPLAIN ANALYZE at that size).
 * A Java migration because two of the indexes exist only on PostgreSQL, the others on both databases:
 *
 * <ul>
 *   <li>the applicant's name matches anywhere ({@code lower(applicant_name) like '%…%'}): on PostgreSQL a trigram
 *       GIN index of the same expression (pg_trgm, a contrib extension that PostgreSQL 13+ lets a database owner
 *       create); without pg_trgm the search still works, by a scan of the period;
 *   <li>the code's beginning ({@code code like 'H15…%'}): the primary key serves it only under the "C" collation,
 *       so on PostgreSQL a {@code varchar_pattern_ops} index, which serves it under any collation;
 *   <li>a procedure's dossiers of a status in a period, newest first (count and page from one index);
 *   <li>sorted by completion, latest first, with the period and division checked inside the index;
 *   <li>sorted by applicant, with the period checked inside the index.
 * </ul>
 *
 * A Spring bean, as Spring Boot hands such beans to Flyway; runs on Flyway's connection and transaction. Creating the
 * indexes locks the registry against writes for a while on a large registry (about a minute at 1,000,000 rows).
 */
@Component
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the class name
public class V12__DossierSearchIndexes extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V12__DossierSearchIndexes.class);

  /** Plain indexes, the same on H2 and PostgreSQL. */
  private static final List<String> PORTABLE = List.of(
      "create index dossier_procedure_status_registered on dossier (procedure_code, status, registered_at, code)",
      "create index dossier_completed_sorted on dossier (completed_at desc nulls last, code desc, registered_at, "
          + "division)",
      "create index dossier_applicant_sorted on dossier (applicant_name, code, registered_at)");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement s = connection.createStatement()) {
      for (String sql : PORTABLE) {
        s.execute(sql);
      }
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      s.execute("create index dossier_code_prefix on dossier (code varchar_pattern_ops)");
      // a database without the extension (or a role that may not create it) keeps a working, slower name search
      Savepoint beforeExtension = connection.setSavepoint();
      try {
        s.execute("create extension if not exists pg_trgm");
        s.execute("create index dossier_applicant_trigram on dossier using gin (lower(applicant_name) gin_trgm_ops)");
        connection.releaseSavepoint(beforeExtension);
      } catch (SQLException e) {
        connection.rollback(beforeExtension);
        log.warn("No trigram index for the applicant search (pg_trgm not available: {}); the search by name scans "
            + "the period's dossiers instead", e.getMessage());
      }
    }
  }
}
