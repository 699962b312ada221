package vn.gov.sct.onestop.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;

/**
 * Thống kê tình hình giải quyết hồ sơ over a period [from, to], from our registry tables only, aggregated in SQL.
 * With F the period's start and T the first instant after it:
 *
 * <ul>
 *   <li><b>carried over</b>: received before F and not finished at F;
 *   <li><b>received</b> (online, counter, postal): received (accepted at reception) in [F, T);
 *   <li><b>solved early / on time / late</b>: result issued in [F, T), by the registry's timeliness against the
 *       legal due date (a reasoned refusal after appraisal is a result too);
 *   <li><b>in process within / past deadline</b>: received before T, not finished at T, not paused at T; past
 *       deadline when the legal due date is before T;
 *   <li><b>paused for supplement</b>: status "supplement requested" at T, at reception or after receipt;
 *   <li><b>refused</b>: not received, refused at reception (form 03) in [F, T);
 *   <li><b>withdrawn</b>: withdrawn in [F, T), at any stage;
 *   <li><b>average processing time</b>: working days from receipt to result over the dossiers solved in [F, T);
 *   <li><b>on-time share</b>: (early + on time) / solved.
 * </ul>
 *
 * One query, whatever the period, over the statistics summary ({@link StatisticsSummary}, rules in
 * {@link SummaryRules}): the per-day totals plus the deltas not yet folded into them, up to the period's last day.
 * Flows (received, solved, refused, withdrawn, minutes) are summed over the period's days; stocks at T (in process,
 * paused) over every day up to the period's last, the carried over stock over the days before F. Grouped by
 * procedure and division, then rolled up here.
 */
@Service
public class StatisticsService {

  private static final String SUMMARY_COLUMNS = "local_day, procedure_code, division, " + Measure.COLUMNS;

  private static final String SUMMARY_SQL = """
      select procedure_code, division,
        sum(case when local_day < :from then on_hand else 0 end) as carried_over,
        sum(case when local_day >= :from then received_online else 0 end) as online,
        sum(case when local_day >= :from then received_counter else 0 end) as counter,
        sum(case when local_day >= :from then received_postal else 0 end) as postal,
        sum(case when local_day >= :from then solved_early else 0 end) as early,
        sum(case when local_day >= :from then solved_on_time else 0 end) as on_time,
        sum(case when local_day >= :from then solved_late else 0 end) as late,
        sum(on_hand_within) as open_within,
        sum(on_hand_past) as open_past,
        sum(paused) as paused,
        sum(paused_within) as paused_within,
        sum(paused_past) as paused_past,
        sum(case when local_day >= :from then refused else 0 end) as refused,
        sum(case when local_day >= :from then withdrawn else 0 end) as withdrawn,
        sum(case when local_day >= :from then processing_minutes else 0 end) as minutes,
        sum(case when local_day >= :from then timed else 0 end) as timed
      from (
        select %1$s from dossier_summary_day where local_day <= :to
        union all
        select %1$s from dossier_summary_delta where local_day <= :to
      ) s
      group by procedure_code, division""".formatted(SUMMARY_COLUMNS);

  private final NamedParameterJdbcTemplate jdbc;
  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;

  public StatisticsService(NamedParameterJdbcTemplate jdbc, ProcedureCatalog catalog, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  public StatisticsReport report(Period period, GroupBy groupBy) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("from", period.from())
        .addValue("to", period.to());

    Map<Group, StatisticsRow.Sums> sums = new LinkedHashMap<>();
    // paused dossiers are on hand but not "in process": they are taken out of in process
    jdbc.query(SUMMARY_SQL, params, (ResultSet rs) -> {
      sums.merge(group(rs), new StatisticsRow.Sums(rs.getLong("carried_over"), rs.getLong("online"),
          rs.getLong("counter"), rs.getLong("postal"), rs.getLong("early"), rs.getLong("on_time"), rs.getLong("late"),
          rs.getLong("open_within") - rs.getLong("paused_within"), rs.getLong("open_past") - rs.getLong("paused_past"),
          rs.getLong("paused"), rs.getLong("refused"), rs.getLong("withdrawn"), rs.getLong("minutes"),
          rs.getLong("timed")), StatisticsRow.Sums::plus);
    });

    long minutesPerDay = calendar.dayLength().toMinutes();
    Map<String, StatisticsRow.Sums> byKey = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    switch (groupBy) {
      case PROCEDURE -> catalog.procedures().forEach(p -> labels.put(p.code(), p.nameVi()));
      case DIVISION -> catalog.procedures().forEach(p -> labels.put(p.division(), divisionName(p.division())));
      case OVERALL -> labels.put("overall", "Toàn Sở");
    }
    labels.keySet().forEach(k -> byKey.put(k, StatisticsRow.Sums.ZERO));
    sums.forEach((group, s) -> {
      String key = switch (groupBy) {
        case PROCEDURE -> group.procedureCode();
        case DIVISION -> group.division();
        case OVERALL -> "overall";
      };
      labels.computeIfAbsent(key, k -> groupBy == GroupBy.PROCEDURE ? procedureName(k) : divisionName(k));
      byKey.merge(key, s, StatisticsRow.Sums::plus);
    });
    List<StatisticsRow> rows = new ArrayList<>();
    StatisticsRow.Sums total = StatisticsRow.Sums.ZERO;
    for (Map.Entry<String, StatisticsRow.Sums> e : byKey.entrySet()) {
      rows.add(e.getValue().row(e.getKey(), labels.get(e.getKey()), minutesPerDay));
      total = total.plus(e.getValue());
    }
    return new StatisticsReport(period.from(), period.to(), groupBy, rows,
        total.row("total", "Tổng cộng", minutesPerDay));
  }

  private String procedureName(String code) {
    return catalog.findByCode(code).map(Procedure::nameVi).orElse(code);
  }

  private String divisionName(String id) {
    return catalog.divisions().stream().filter(d -> d.id().equals(id)).map(Division::name).findFirst().orElse(id);
  }

  private static Group group(ResultSet rs) throws SQLException {
    return new Group(rs.getString("procedure_code"), rs.getString("division"));
  }

  private record Group(String procedureCode, String division) {}
}
