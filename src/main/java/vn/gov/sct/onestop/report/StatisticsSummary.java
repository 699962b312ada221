package vn.gov.sct.onestop.report;

import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.DossierEvent;
import vn.gov.sct.onestop.dossier.DossierFacts;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * The statistics summary: per local day, procedure and division, the deltas of every figure (see
 * {@link SummaryRules}). Three writers:
 *
 * <ul>
 *   <li>{@link #record}: the registry publishes a dossier's facts before and after a change inside the engine
 *       transaction ({@link DossierEvent.FactsChanged}), and the difference is appended to
 *       {@code dossier_summary_delta} (insert only, so concurrent clerks never wait on a shared row);
 *   <li>{@link #compact}: folds the appended deltas into {@code dossier_summary_day} and deletes exactly the rows
 *       it folded, holding the lock row (safe with several nodes);
 *   <li>{@link #rebuild}: recomputes the summary from the registry, the same code as the backfill migration.
 * </ul>
 *
 * The report sums both tables, so it is exact whether or not the compaction has run.
 */
@Repository
public class StatisticsSummary {

  private static final int COMPACTION_CHUNK = 10_000;

  private final JdbcTemplate jdbc;
  private final ZoneId zone;
  private final TransactionTemplate transaction;
  private final TransactionTemplate snapshot;

  public StatisticsSummary(JdbcTemplate jdbc, WorkingCalendar calendar, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Appends the difference between the dossier's facts before and after a change (new contributions minus old):
   * the registry publishes both inside the engine's transaction, and this listener runs synchronously in it, so the
   * deltas commit or roll back with the step.
   */
  @EventListener
  public void record(DossierEvent.FactsChanged change) {
    SummaryDeltas deltas = new SummaryDeltas();
    SummaryRules.add(deltas, change.after(), 1, zone);
    SummaryRules.add(deltas, change.before(), -1, zone);
    List<Object[]> rows = new ArrayList<>();
    deltas.forEach((key, values) -> rows.add(row(key, values)));
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("insert into dossier_summary_delta (local_day, procedure_code, division, " + Measure.COLUMNS
          + ") values (?, ?, ?" + ", ?".repeat(Measure.COUNT) + ")", rows);
    }
  }

  /**
   * Folds the appended deltas into the per-day totals, in chunks of {@value #COMPACTION_CHUNK} rows, each in its
   * own transaction holding the lock row; returns the number of delta rows folded. Deletes exactly the rows it
   * read, so a delta committed meanwhile (whatever its id) waits for the next compaction.
   */
  public int compact() {
    int total = 0;
    while (true) {
      Integer folded = transaction.execute(status -> {
        lock();
        List<Long> ids = new ArrayList<>();
        SummaryDeltas sums = new SummaryDeltas();
        jdbc.query("select id, local_day, procedure_code, division, " + Measure.COLUMNS + " from dossier_summary_delta "
            + "order by id fetch first " + COMPACTION_CHUNK + " rows only", (ResultSet rs) -> {
              ids.add(rs.getLong("id"));
              long[] values = new long[Measure.COUNT];
              for (Measure m : Measure.values()) {
                values[m.ordinal()] = rs.getLong(m.column());
              }
              sums.add(new SummaryDeltas.Key(rs.getObject("local_day", LocalDate.class), rs.getString("procedure_code"),
                  rs.getString("division")), values);
            });
        if (ids.isEmpty()) {
          return 0;
        }
        addToDays(jdbc, sums);
        jdbc.batchUpdate("delete from dossier_summary_delta where id = ?",
            ids.stream().map(id -> new Object[] {id}).toList());
        return ids.size();
      });
      total += folded;
      if (folded < COMPACTION_CHUNK) {
        return total;
      }
    }
  }

  /**
   * Recomputes the whole summary from the registry ({@code dossier}, {@code dossier_status_change}): for a bulk
   * import, or to repair. Holds the lock row, then reads and replaces in one repeatable-read snapshot, so a
   * registry change committed during the rebuild is either in the snapshot (its delta is deleted with the rest)
   * or not (its delta stays and is added on top). The backfill migration runs the same {@link #rebuild(JdbcTemplate,
   * ZoneId)}.
   */
  public void rebuild() {
    transaction.executeWithoutResult(status -> {
      lock();
      snapshot.executeWithoutResult(inner -> rebuild(jdbc, zone));
    });
  }

  /** The rebuild's work, in the caller's transaction and without the lock: also the backfill migration's. */
  static void rebuild(JdbcTemplate jdbc, ZoneId zone) {
    jdbc.update("delete from dossier_summary_delta");
    jdbc.update("delete from dossier_summary_day");
    SummaryDeltas sums = new SummaryDeltas();
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(10_000);
    streaming.query("select " + DossierFacts.COLUMNS + " from dossier",
        (ResultSet rs) -> SummaryRules.addDossier(sums, DossierFacts.of(rs, Collections.emptyList()), 1, zone));
    streaming.query("select d.procedure_code, d.division, d.received_at, d.due_at, s.changed_at, s.ended_at "
            + "from dossier_status_change s join dossier d on d.code = s.dossier_code where s.status = ?",
        (ResultSet rs) -> SummaryRules.addPause(sums, rs.getString("procedure_code"), rs.getString("division"),
            instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "changed_at"), instant(rs, "ended_at"), 1,
            zone),
        DossierStatus.SUPPLEMENT_REQUESTED.code());
    addToDays(jdbc, sums);
  }

  private void lock() {
    jdbc.queryForList("select id from dossier_summary_lock where id = 1 for update");
  }

  /** Adds the sums to the per-day rows: update, and insert where there was none (the caller holds the lock). */
  private static void addToDays(JdbcTemplate jdbc, SummaryDeltas sums) {
    List<Object[]> rows = new ArrayList<>();
    sums.forEach((key, values) -> rows.add(row(key, values)));
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder set = new StringBuilder();
    for (Measure m : Measure.values()) {
      set.append(set.isEmpty() ? "" : ", ").append(m.column()).append(" = ").append(m.column()).append(" + ?");
    }
    List<Object[]> updates = rows.stream().map(r -> {
      Object[] u = new Object[r.length];
      System.arraycopy(r, 3, u, 0, Measure.COUNT);
      System.arraycopy(r, 0, u, Measure.COUNT, 3);
      return u;
    }).toList();
    int[] counts = jdbc.batchUpdate("update dossier_summary_day set " + set
        + " where local_day = ? and procedure_code = ? and division = ?", updates);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        inserts.add(rows.get(i));
      }
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate("insert into dossier_summary_day (local_day, procedure_code, division, " + Measure.COLUMNS
          + ") values (?, ?, ?" + ", ?".repeat(Measure.COUNT) + ")", inserts);
    }
  }

  private static Object[] row(SummaryDeltas.Key key, long[] values) {
    Object[] row = new Object[3 + values.length];
    row[0] = key.day();
    row[1] = key.procedureCode();
    row[2] = key.division();
    for (int i = 0; i < values.length; i++) {
      row[3 + i] = values[i];
    }
    return row;
  }
}
