package vn.gov.sct.onestop.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Folds the statistics deltas into the per-day totals every {@code onestop.statistics.compaction-interval}
 * (ISO-8601 duration, 30 seconds by default) on every node; the lock row makes concurrent runs wait for each other,
 * and a run that finds nothing is one small query. The report is exact between runs, only a little slower when many
 * deltas wait. With {@code onestop.statistics.rebuild-on-start=true} the node rebuilds the whole summary once it
 * has started: for operators after a bulk import of registry rows (set it for one start only).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SummaryCompaction {

  private static final Logger LOG = LoggerFactory.getLogger(SummaryCompaction.class);

  private final StatisticsSummary summary;
  private final boolean rebuildOnStart;

  public SummaryCompaction(StatisticsSummary summary,
      @Value("${onestop.statistics.rebuild-on-start:false}") boolean rebuildOnStart) {
    this.summary = summary;
    this.rebuildOnStart = rebuildOnStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void rebuildIfAsked() {
    if (rebuildOnStart) {
      long start = System.nanoTime();
      summary.rebuild();
      LOG.info("Rebuilt the statistics summary from the registry in {} ms (onestop.statistics.rebuild-on-start)",
          (System.nanoTime() - start) / 1_000_000);
    }
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
