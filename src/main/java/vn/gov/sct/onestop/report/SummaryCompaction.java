package vn.gov.sct.onestop.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Folds the statistics deltas into the per-day totals every {@code onestop.statistics.compaction-interval}
 * (ISO-8601 duration, 30 seconds by default) on every node; the lock row makes concurrent runs wait for each other,
 * and a run that finds nothing is one small query. The report is exact between runs, only a little slower when many
 * deltas wait.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SummaryCompaction {

  private static final Logger LOG = LoggerFactory.getLogger(SummaryCompaction.class);

  private final StatisticsSummary summary;

  public SummaryCompaction(StatisticsSummary summary) {
    this.summary = summary;
  }

  @Scheduled(fixedDelayString = "${onestop.statistics.compaction-interval:PT30S}",
      initialDelayString = "${onestop.statistics.compaction-interval:PT30S}")
  public void compact() {
    int rows = summary.compact();
    if (rows > 0) {
      LOG.debug("Folded {} statistics delta rows into the daily summary", rows);
    }
  }
}
