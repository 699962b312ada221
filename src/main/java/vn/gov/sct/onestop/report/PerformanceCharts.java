package vn.gov.sct.onestop.report;

import static vn.gov.sct.onestop.SqlTimestamps.at;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

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

  public record Charts(LocalDate from, LocalDate to, List<Month> months, StatisticsReport byProcedure,
      StatisticsReport byDivision, List<Bucket> processingTime, List<StepOverrun> overruns) {}

  /** Upper bounds, in percent of the legal deadline, of the distribution's buckets; the last is open. */
  private static final int[] BOUNDS = {25, 50, 75, 100, 125};

  private final StatisticsService statistics;
  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final StepNames steps;

  public PerformanceCharts(StatisticsService statistics, NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar,
      StepNames steps) {
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.steps = steps;
  }

  public Charts charts(Period period) {
    List<Month> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(period.from()); !m.atDay(1).isAfter(period.to()); m = m.plusMonths(1)) {
      LocalDate from = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
      LocalDate to = m.atEndOfMonth().isAfter(period.to()) ? period.to() : m.atEndOfMonth();
      months.add(new Month(m.toString(), from, to, statistics.report(new Period(from, to), GroupBy.OVERALL).total()));
    }
    return new Charts(period.from(), period.to(), months, statistics.report(period, GroupBy.PROCEDURE),
        statistics.report(period, GroupBy.DIVISION), processingTime(period), overruns(period));
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
