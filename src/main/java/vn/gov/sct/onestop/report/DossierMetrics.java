package vn.gov.sct.onestop.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierEvent;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * Prometheus metrics of the dossiers, per procedure:
 *
 * <ul>
 *   <li>{@code onestop_dossiers_received_total{procedure, channel}} and
 *       {@code onestop_dossiers_solved_total{procedure, result=early|on_time|late}}: counters incremented after
 *       the engine transaction commits (a rolled-back step counts nothing);
 *   <li>{@code onestop_dossiers_in_process{procedure}} and {@code onestop_dossiers_overdue{procedure}}: gauges
 *       read from one registry count query, cached for {@code onestop.metrics.gauge-cache} (30 s), so a scrape
 *       every few seconds costs at most one indexed query per cache period.
 * </ul>
 * Counters start at zero when a node starts (Prometheus' {@code increase()} handles restarts); the gauges are
 * the same on every node.
 */
@Component
public class DossierMetrics {

  private static final String COUNT_SQL = """
      select procedure_code, count(*) as in_process,
        sum(case when due_at < ? then 1 else 0 end) as overdue
      from dossier where status in (%d, %d)
      group by procedure_code""".formatted(DossierStatus.RECEIVED.code(), DossierStatus.IN_PROCESS.code());

  private final MeterRegistry registry;
  private final JdbcTemplate jdbc;
  private final Duration cacheFor;
  private final Clock wallClock = Clock.systemUTC();

  private volatile Snapshot snapshot;

  public DossierMetrics(MeterRegistry registry, JdbcTemplate jdbc, ProcedureCatalog catalog,
      @Value("${onestop.metrics.gauge-cache:30s}") Duration cacheFor) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.cacheFor = cacheFor;
    for (Procedure p : catalog.procedures()) {
      Gauge.builder("onestop.dossiers.in.process", this, m -> m.counts().inProcess(p.code()))
          .description("Dossiers received and not yet solved, not paused").tag("procedure", p.code())
          .register(registry);
      Gauge.builder("onestop.dossiers.overdue", this, m -> m.counts().overdue(p.code()))
          .description("Dossiers in process past their legal due date").tag("procedure", p.code())
          .register(registry);
    }
  }

  @TransactionalEventListener
  public void received(DossierEvent.Received event) {
    Counter.builder("onestop.dossiers.received").description("Dossiers received (accepted at reception)")
        .tag("procedure", event.procedureCode()).tag("channel", event.channel().name().toLowerCase(Locale.ROOT))
        .register(registry).increment();
  }

  @TransactionalEventListener
  public void solved(DossierEvent.Solved event) {
    Counter.builder("onestop.dossiers.solved").description("Dossiers solved, by timeliness against the legal due date")
        .tag("procedure", event.procedureCode()).tag("result", event.timeliness().toLowerCase(Locale.ROOT))
        .register(registry).increment();
  }

  /** The cached counts, refreshed when older than the cache period (wall-clock time, not the engine's). */
  Snapshot counts() {
    Snapshot current = snapshot;
    Instant wallNow = wallClock.instant();
    if (current == null || current.takenAt().plus(cacheFor).isBefore(wallNow)) {
      synchronized (this) {
        current = snapshot;
        if (current == null || current.takenAt().plus(cacheFor).isBefore(wallNow)) {
          current = snapshot = query(wallNow);
        }
      }
    }
    return current;
  }

  /** Forgets the cached counts (tests). */
  void refresh() {
    snapshot = null;
  }

  private Snapshot query(Instant wallNow) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query(COUNT_SQL, rs -> {
      counts.put(rs.getString("procedure_code"), new long[] {rs.getLong("in_process"), rs.getLong("overdue")});
    }, EngineClock.now().atOffset(ZoneOffset.UTC));
    return new Snapshot(wallNow, counts);
  }

  record Snapshot(Instant takenAt, Map<String, long[]> counts) {
    long inProcess(String procedure) {
      long[] c = counts.get(procedure);
      return c == null ? 0 : c[0];
    }

    long overdue(String procedure) {
      long[] c = counts.get(procedure);
      return c == null ? 0 : c[1];
    }
  }
}
