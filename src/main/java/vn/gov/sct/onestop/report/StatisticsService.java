package vn.gov.sct.onestop.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
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
import vn.gov.sct.onestop.dossier.DossierStatus;

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
 * Two queries, whatever the period: one over the dossiers finished at or after F or not finished (index
 * {@code dossier_report}), one over the status intervals that contain T (index
 * {@code dossier_status_change_report}); each grouped by procedure and division, then rolled up here.
 */
@Service
public class StatisticsService {

  private static final String DOSSIER_COLUMNS =
      "procedure_code, division, channel, received_at, due_at, completed_at, outcome, timeliness, processing_minutes";

  private static final String PERIOD_SQL = """
      select procedure_code, division,
        sum(case when received_at < :start then 1 else 0 end) as carried_over,
        sum(case when received_at >= :start and received_at < :end and channel = 'ONLINE' then 1 else 0 end) as online,
        sum(case when received_at >= :start and received_at < :end and channel = 'COUNTER' then 1 else 0 end) as counter,
        sum(case when received_at >= :start and received_at < :end and channel = 'POSTAL' then 1 else 0 end) as postal,
        sum(case when completed_at < :end and timeliness = 'EARLY' then 1 else 0 end) as early,
        sum(case when completed_at < :end and timeliness = 'ON_TIME' then 1 else 0 end) as on_time,
        sum(case when completed_at < :end and timeliness = 'LATE' then 1 else 0 end) as late,
        sum(case when received_at < :end and (completed_at is null or completed_at >= :end) and due_at >= :end
            then 1 else 0 end) as open_within,
        sum(case when received_at < :end and (completed_at is null or completed_at >= :end) and due_at < :end
            then 1 else 0 end) as open_past,
        sum(case when completed_at < :end and outcome = 'REFUSED' and timeliness is null then 1 else 0 end) as refused,
        sum(case when completed_at < :end and outcome = 'WITHDRAWN' then 1 else 0 end) as withdrawn,
        sum(case when completed_at < :end and processing_minutes is not null then processing_minutes else 0 end)
            as minutes,
        sum(case when completed_at < :end and processing_minutes is not null then 1 else 0 end) as timed
      from (
        select %1$s from dossier where completed_at >= :start
        union all
        select %1$s from dossier where completed_at is null
      ) d
      group by procedure_code, division""".formatted(DOSSIER_COLUMNS);

  private static final String PAUSED_SQL = """
      select d.procedure_code, d.division,
        count(*) as paused,
        sum(case when d.received_at < :end and d.due_at >= :end then 1 else 0 end) as paused_within,
        sum(case when d.received_at < :end and d.due_at < :end then 1 else 0 end) as paused_past
      from (
        select dossier_code from dossier_status_change
        where status = :paused and ended_at >= :end and changed_at < :end
        union all
        select dossier_code from dossier_status_change
        where status = :paused and ended_at is null and changed_at < :end
      ) s
      join dossier d on d.code = s.dossier_code
      group by d.procedure_code, d.division""";

  private final NamedParameterJdbcTemplate jdbc;
  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;

  public StatisticsService(NamedParameterJdbcTemplate jdbc, ProcedureCatalog catalog, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  public StatisticsReport report(Period period, GroupBy groupBy) {
    Instant start = period.start(calendar.zone());
    Instant end = period.end(calendar.zone());
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("start", start.atOffset(ZoneOffset.UTC))
        .addValue("end", end.atOffset(ZoneOffset.UTC))
        .addValue("paused", DossierStatus.SUPPLEMENT_REQUESTED.code());

    Map<Group, StatisticsRow.Sums> sums = new LinkedHashMap<>();
    jdbc.query(PERIOD_SQL, params, (ResultSet rs) -> {
      sums.merge(group(rs), new StatisticsRow.Sums(rs.getLong("carried_over"), rs.getLong("online"),
          rs.getLong("counter"), rs.getLong("postal"), rs.getLong("early"), rs.getLong("on_time"), rs.getLong("late"),
          rs.getLong("open_within"), rs.getLong("open_past"), 0, rs.getLong("refused"), rs.getLong("withdrawn"),
          rs.getLong("minutes"), rs.getLong("timed")), StatisticsRow.Sums::plus);
    });
    // paused dossiers are on hand but not "in process": move them from in process to paused
    jdbc.query(PAUSED_SQL, params, (ResultSet rs) -> {
      sums.merge(group(rs), new StatisticsRow.Sums(0, 0, 0, 0, 0, 0, 0, -rs.getLong("paused_within"),
          -rs.getLong("paused_past"), rs.getLong("paused"), 0, 0, 0, 0), StatisticsRow.Sums::plus);
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
