package vn.gov.sct.onestop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.TestDatabase;

/**
 * V12 made the indexes of the search, and on PostgreSQL the name and code indexes are of the expressions
 * {@link DossierSearch} writes, so a change of either expression that would lose its index fails here.
 */
class SearchIndexesTest extends EngineTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theSearchIndexesExist() {
    List<String> names = TestDatabase.isPostgres()
        ? jdbc.queryForList("select indexname from pg_indexes where tablename = 'dossier'", String.class)
        : jdbc.queryForList("select index_name from information_schema.indexes where table_name = 'DOSSIER'",
            String.class);
    assertThat(names).map(String::toLowerCase).contains("dossier_procedure_status_registered",
        "dossier_completed_sorted", "dossier_applicant_sorted");
    if (TestDatabase.isPostgres()) {
      assertThat(names).contains("dossier_code_prefix", "dossier_applicant_trigram");
    }
  }

  @Test
  void onPostgresTheNameAndCodeIndexesHoldTheSearchsOwnExpressions() {
    // H2 has neither trigram nor pattern indexes; its primary key serves the code's beginning
    assumeTrue(TestDatabase.isPostgres(), "PostgreSQL's own indexes");
    // DossierSearch: "lower(d.applicant_name) like :applicant" and "d.code like :code"; an index of another
    // expression would never be used (the plans at 1,000,000 rows are in BENCHMARKS.md, run 6)
    assertThat(definition("dossier_applicant_trigram"))
        .contains("USING gin (lower((applicant_name)::text) gin_trgm_ops)");
    assertThat(definition("dossier_code_prefix")).contains("USING btree (code varchar_pattern_ops)");
  }

  private String definition(String index) {
    return jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class, index);
  }
}
