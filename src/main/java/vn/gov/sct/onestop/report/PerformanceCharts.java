package vn.gov.sct.onestop.report;

import static vn.gov.sct.onestop.SqlTimestamps.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.DeadlineVersion;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;

/**
 * The figures behind the dashboard's charts for a period. The monthly series and the per-procedure and
 * per-division bars are the period report itself ({@link StatisticsService}, the daily summary), month by month,
 * so a chart and the table never disagree. The distribution of processing time and the steps that ran over
 * their allotment are not in the summary: they read the registry (index dossier_completed of V11) and the SLA
 * events.
 */
@Service
public class PerformanceCharts {

  /** A month of the period (clipped to it) and its overall totals. */
  public record Month(String month, LocalDate from, LocalDate to, StatisticsRow total) {}

  /** How many dossiers solved in the period took a share of their legal deadline in [lowPercent, highPercent). */
  public record Bucket(String label, Integer lowPercent, Integer highPercent, long dossiers) {}

  /** An ISO step and how often it ran over its allotment (overdue reports) or came close (warnings). */
  public record StepOverrun(String step, String stepName, long overdue, long warnings) {}

  /**
   * A procedure's legal deadline before its last cut and in force at the period's end (working days, from the
   * catalog), beside its average processing time in the period: the effect of the cuts at a glance.
   */
  public record DeadlineCut(String procedureCode, String label, BigDecimal daysBefore, BigDecimal daysNow,
      LocalDate cutFrom, BigDecimal averageProcessingDays) {}

  public record Charts(LocalDate from, LocalDate to, List<Month> months, StatisticsReport byProcedure,
      StatisticsReport byDivision, List<Bucket> processingTime, List<StepOverrun> overruns,
      List<DeadlineCut> deadlines) {}

  /** Upper bounds, in percent of the legal deadline, of the distribution's buckets; the last is open. */
  private static final int[] BOUNDS = {25, 50, 75, 100, 125};

  private final StatisticsService statistics;
  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final StepNames steps;
  private final ProcedureCatalog catalog;

  public PerformanceCharts(StatisticsService statistics, NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar,
      StepNames steps, ProcedureCatalog catalog) {
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.steps = steps;
    this.catalog = catalog;
  }

  public Charts charts(Period period) {
    List<Month> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(period.from()); !m.atDay(1).isAfter(period.to()); m = m.plusMonths(1)) {
      LocalDate from = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
      LocalDate to = m.atEndOfMonth().isAfter(period.to()) ? period.to() : m.atEndOfMonth();
      months.add(new Month(m.toString(), from, to, statistics.report(new Period(from, to), GroupBy.OVERALL).total()));
    }
    StatisticsReport byProcedure = statistics.report(period, GroupBy.PROCEDURE);
    return new Charts(period.from(), period.to(), months, byProcedure, statistics.report(period, GroupBy.DIVISION),
        processingTime(period), overruns(period), deadlines(period, byProcedure));
  }

  List<DeadlineCut> deadlines(Period period, StatisticsReport byProcedure) {
    List<DeadlineCut> cuts = new ArrayList<>();
    for (StatisticsRow row : byProcedure.rows()) {
      Procedure procedure = catalog.findByCode(row.key()).orElse(null);
      if (procedure == null) {
        continue;
      }
      DeadlineVersion now = procedure.deadlineOn(period.to());
      DeadlineVersion before = procedure.deadlines().stream()
          .filter(d -> d.effectiveFrom().isBefore(now.effectiveFrom()))
          .max(Comparator.comparing(DeadlineVersion::effectiveFrom)).orElse(null);
      cuts.add(new DeadlineCut(row.key(), row.label(), before == null ? null : before.workingDays(),
          now.workingDays(), before == null ? null : now.effectiveFrom(), row.averageProcessingDays()));
    }
    return cuts;
  }

  /**
   * Working time from receipt to result against the legal deadline, over the dossiers solved in the period (the
   * report's "solved"; the processing time includes a pause for an appraisal supplement, whose due date moved).
   */
  List<Bucket> processingTime(Period period) {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < BOUNDS.length; i++) {
      // processing_minutes / (deadline_days * day) < bound / 100, in integers
      sql.append("sum(case when processing_minutes * 100 < deadline_days * :day * ").append(BOUNDS[i])
          .append(" then 1 else 0 end) as b").append(i).append(", ");
    }
    sql.append("count(*) as total from dossier where completed_at >= :start and completed_at < :end "
        + "and processing_minutes is not null and deadline_days > 0");
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("day", calendar.dayLength().toMinutes())
        .addValue("start", at(period.start(calendar.zone())))
        .addValue("end", at(period.end(calendar.zone())));
    return jdbc.query(sql.toString(), params, rs -> {
      rs.next();
      List<Bucket> buckets = new ArrayList<>();
      long below = 0;
      for (int i = 0; i < BOUNDS.length; i++) {
        long cumulative = rs.getLong("b" + i);
        Integer low = i == 0 ? null : BOUNDS[i - 1];
        buckets.add(new Bucket((low == null ? "dưới " : low + "–") + BOUNDS[i] + "%", low, BOUNDS[i],
            cumulative - below));
        below = cumulative;
      }
      buckets.add(new Bucket("từ " + BOUNDS[BOUNDS.length - 1] + "%", BOUNDS[BOUNDS.length - 1], null,
          rs.getLong("total") - below));
      return buckets;
    });
  }

  /** The steps with overdue reports in the period, most first (the SLA events of the step timers). */
  List<StepOverrun> overruns(Period period) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("start", at(period.start(calendar.zone())))
        .addValue("end", at(period.end(calendar.zone())));
    return jdbc.query("""
        select step, sum(case when kind = 'OVERDUE' then 1 else 0 end) as overdue,
          sum(case when kind = 'WARNING' then 1 else 0 end) as warnings
        from sla_event where occurred_at >= :start and occurred_at < :end and kind in ('OVERDUE', 'WARNING')
        group by step order by overdue desc, warnings desc, step""", params,
        (rs, n) -> new StepOverrun(rs.getString("step"), steps.of(rs.getString("step")), rs.getLong("overdue"),
            rs.getLong("warnings")));
  }
}
