package vn.gov.sct.onestop.online;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Token buckets shared by every node: Bucket4j's PostgreSQL backend keeps one row per client address in
 * {@code rate_limit_bucket} (Flyway V10) and changes it under {@code SELECT … FOR UPDATE} in a short transaction of
 * its own, so two nodes allow together what one allows, and the nodes hold no per-client state in memory. A row
 * expires when its bucket would be full again (plus a minute); each node deletes expired rows at most once a
 * minute, so a flood of addresses leaves at most a few minutes of rows behind.
 */
public class SharedBuckets implements ClientBuckets {

  static final String TABLE = "rate_limit_bucket";
  private static final long CLEAN_EVERY_NANOS = 60_000_000_000L;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
  private final ProxyManager<String> buckets;
  private final BucketConfiguration configuration;
  private final AtomicLong lastCleaning = new AtomicLong(System.nanoTime());

  public SharedBuckets(DataSource dataSource, OnlineProperties.RateLimit limit) {
    store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
    buckets = store;
    configuration = BucketConfiguration.builder()
        .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.refillPerMinute(), Duration.ofMinutes(1)))
        .build();
  }

  @Override
  public boolean tryTake(String client) {
    long now = System.nanoTime();
    long last = lastCleaning.get();
    if (now - last > CLEAN_EVERY_NANOS && lastCleaning.compareAndSet(last, now)) {
      store.removeExpired(1000);
    }
    return buckets.builder().build(client, () -> configuration).tryConsume(1);
  }
}
