package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.TestDatabase;

/**
 * The rate limit's buckets in PostgreSQL (Bucket4j): two nodes (two SharedBuckets on the same database) give a client
 * one burst between them, not one each. The cluster harness checks the same with two real nodes (RELIABILITY.md).
 */
class SharedBucketsTest extends EngineTestSupport {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twoNodesShareOneBucketPerClientAddress() {
    assumeTrue(TestDatabase.isPostgres(), "Bucket4j's backend is PostgreSQL; the H2 default keeps LocalBuckets");
    OnlineProperties.RateLimit limit = new OnlineProperties.RateLimit(4, 1, 100, OnlineProperties.Store.DATABASE);
    SharedBuckets nodeOne = new SharedBuckets(dataSource, limit);
    SharedBuckets nodeTwo = new SharedBuckets(dataSource, limit);
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      allowed += (i % 2 == 0 ? nodeOne : nodeTwo).tryTake("198.51.100.17") ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(4);
    assertThat(nodeTwo.tryTake("198.51.100.18")).as("another address has its own bucket").isTrue();
    assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id in ('198.51.100.17', "
        + "'198.51.100.18') and expires_at > ?", Integer.class, System.currentTimeMillis())).isEqualTo(2);
  }
}
