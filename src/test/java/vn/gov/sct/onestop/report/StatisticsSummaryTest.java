package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.Applicant;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.dossier.Outcome;

/**
 * The summary never drifts from the definitions: random dossier histories, written through the registry as the
 * processes write them (receipt, supplements at reception and during appraisal, due dates moved, refusals,
 * withdrawals, results, dossiers open across the periods' ends, events at local midnight), then for many periods
 * the report from the summary equals the figures computed directly from the registry rows with the queries the
 * report used before the summary (below), before the compaction, after it and after a rebuild. Procedures
 * {@code rnd-*} and 2025 are this test's own; its rows are removed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsSummaryTest extends EngineTestSupport {

  private static final String PREFIX = "RND-";
  private static final String[] PROCEDURES = {"rnd-a", "rnd-b", "rnd-c"};
  private static final String[] DIVISIONS = {"rnd-x", "rnd-x", "rnd-y"};
  private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
  private static final int DAYS = 60;

  /** The period query of the report before the summary: the direct computation from the registry rows. */
  private static final String DIRECT_PERIOD_SQL = """
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
      from dossier
      where (completed_at >= :start or completed_at is null) and code like 'RND-%'
      group by procedure_code, division""";

  private static final String DIRECT_PAUSED_SQL = """
      select d.procedure_code, d.division,
        count(*) as paused,
        sum(case when d.received_at < :end and d.due_at >= :end then 1 else 0 end) as paused_within,
        sum(case when d.received_at < :end and d.due_at < :end then 1 else 0 end) as paused_past
      from dossier_status_change s join dossier d on d.code = s.dossier_code
      where s.status = 5 and (s.ended_at >= :end or s.ended_at is null) and s.changed_at < :end
        and d.code like 'RND-%'
      group by d.procedure_code, d.division""";

  @Autowired StatisticsService statistics;
  @Autowired StatisticsSummary summary;
  @Autowired WorkingCalendar calendar;
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;

  private final SplittableRandom random = new SplittableRandom(20251127L);
  private int sequence;

  @Test
  void the_summary_equals_the_direct_computation_over_random_histories() {
    for (int i = 0; i < 200; i++) {
      story();
      if (i == 100) {
        summary.compact(); // half of the histories' deltas folded, the rest waiting
      }
    }
    ClockUtil.reset();
    List<Period> periods = periods();

    assertSameFigures(periods, "deltas partly compacted");
    summary.compact();
    assertThat(jdbc.queryForObject("select count(*) from dossier_summary_delta", Long.class))
        .as("no delta waits after a compaction").isZero();
    assertSameFigures(periods, "after the compaction");
    summary.rebuild();
    assertSameFigures(periods, "after a rebuild");
  }

  @Test
  void the_application_hands_the_backfill_to_flyway() {
    assertThat(flyway.info().applied()).anySatisfy(m -> {
      assertThat(m.getVersion().getVersion()).isEqualTo("5.1");
      assertThat(m.getScript()).contains("StatisticsSummaryBackfill");
    });
  }

  @AfterAll
  void removeTheStories() {
    jdbc.update("delete from dossier_status_change where dossier_code like 'RND-%'");
    jdbc.update("delete from dossier where code like 'RND-%'");
    summary.rebuild();
  }

  private void assertSameFigures(List<Period> periods, String state) {
    long minutesPerDay = calendar.dayLength().toMinutes();
    for (Period period : periods) {
      Map<String, StatisticsRow.Sums> direct = direct(period);
      StatisticsReport report = statistics.report(period, GroupBy.PROCEDURE);
      for (String procedure : PROCEDURES) {
        StatisticsRow expected = direct.getOrDefault(procedure, StatisticsRow.Sums.ZERO)
            .row(procedure, procedure, minutesPerDay);
        StatisticsRow actual = report.rows().stream().filter(r -> r.key().equals(procedure)).findFirst()
            .orElse(StatisticsRow.Sums.ZERO.row(procedure, procedure, minutesPerDay));
        assertThat(actual).as("%s, %s to %s, %s", procedure, period.from(), period.to(), state)
            .usingRecursiveComparison().ignoringFields("label").isEqualTo(expected);
      }
    }
  }

  private Map<String, StatisticsRow.Sums> direct(Period period) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("start", period.start(calendar.zone()).atOffset(ZoneOffset.UTC))
        .addValue("end", period.end(calendar.zone()).atOffset(ZoneOffset.UTC));
    Map<String, StatisticsRow.Sums> sums = new LinkedHashMap<>();
    named.query(DIRECT_PERIOD_SQL, params, (ResultSet rs) -> {
      sums.merge(rs.getString("procedure_code"), new StatisticsRow.Sums(rs.getLong("carried_over"),
          rs.getLong("online"), rs.getLong("counter"), rs.getLong("postal"), rs.getLong("early"),
          rs.getLong("on_time"), rs.getLong("late"), rs.getLong("open_within"), rs.getLong("open_past"), 0,
          rs.getLong("refused"), rs.getLong("withdrawn"), rs.getLong("minutes"), rs.getLong("timed")),
          StatisticsRow.Sums::plus);
    });
    named.query(DIRECT_PAUSED_SQL, params, (ResultSet rs) -> {
      sums.merge(rs.getString("procedure_code"), new StatisticsRow.Sums(0, 0, 0, 0, 0, 0, 0,
          -rs.getLong("paused_within"), -rs.getLong("paused_past"), rs.getLong("paused"), 0, 0, 0, 0),
          StatisticsRow.Sums::plus);
    });
    return sums;
  }

  /** Single days, weeks, months, random spans, and one over everything, all across the stories' days. */
  private List<Period> periods() {
    List<Period> periods = new ArrayList<>();
    periods.add(new Period(FIRST.minusDays(10), FIRST.plusDays(DAYS + 60)));
    for (int i = 0; i < 40; i++) {
      LocalDate from = FIRST.plusDays(random.nextInt(-3, DAYS + 20));
      int length = switch (i % 4) {
        case 0 -> 0;
        case 1 -> 6;
        case 2 -> 30;
        default -> random.nextInt(60);
      };
      periods.add(new Period(from, from.plusDays(length)));
    }
    return periods;
  }

  // ------------------------------------------------------------------ one random dossier history

  private Instant now;

  private void story() {
    String code = PREFIX + (++sequence);
    int p = random.nextInt(PROCEDURES.length);
    Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
    now = FIRST.atStartOfDay(VN).toInstant().plus(Duration.ofMinutes(random.nextLong(DAYS * 24L * 60)));
    if (random.nextInt(10) == 0) {
      now = FIRST.plusDays(random.nextInt(DAYS)).atStartOfDay(VN).toInstant(); // exactly at a day boundary
    }
    clock();
    registry.register(code, PROCEDURES[p], DIVISIONS[p], channel,
        new Applicant("Công ty Ngẫu Nhiên " + sequence, null, null, null, null), now, null);

    // reception: supplements asked at the counter, refusal, or acceptance
    for (int round = 0; ; round++) {
      step();
      int r = random.nextInt(100);
      if (r < 20 && round < 2) {
        registry.setStatus(code, DossierStatus.SUPPLEMENT_REQUESTED);
        int then = random.nextInt(100);
        step();
        if (then < 30) {
          return; // still waiting for the applicant
        }
        if (then < 50) {
          registry.markFinished(code, DossierStatus.WITHDRAWN, Outcome.WITHDRAWN, null, now);
          return;
        }
        registry.setStatus(code, DossierStatus.NEWLY_REGISTERED);
        continue;
      }
      if (r < 30) {
        registry.markFinished(code, DossierStatus.NOT_RECEIVED, Outcome.REFUSED, null, now);
        return;
      }
      if (r < 34) {
        return; // left registered
      }
      break;
    }
    // accepted: received now or at the next session, due in some days (sometimes at midnight)
    Instant received = random.nextBoolean() ? now : now.plus(Duration.ofMinutes(random.nextInt(1, 900)));
    Instant due = received.plus(Duration.ofMinutes(random.nextLong(60, 15 * 24 * 60)));
    if (random.nextInt(8) == 0) {
      due = LocalDate.ofInstant(due, VN).atStartOfDay(VN).toInstant();
    }
    registry.markReceived(code, received, due, BigDecimal.valueOf(5));
    now = received;
    if (random.nextInt(10) < 7) {
      step();
      registry.markInProcess(code);
    }
    // processing: appraisal supplements (the due date moves by the pause), other due-date changes
    for (int round = 0; round < 2; round++) {
      int r = random.nextInt(100);
      if (r < 25) {
        step();
        Instant pausedAt = now;
        registry.setStatus(code, DossierStatus.SUPPLEMENT_REQUESTED);
        step();
        int then = random.nextInt(100);
        if (then < 25) {
          return; // paused across the end of everything
        }
        if (then < 40) {
          registry.markFinished(code, DossierStatus.WITHDRAWN, Outcome.WITHDRAWN, null, now);
          return;
        }
        due = due.plus(Duration.between(pausedAt, now));
        registry.markDueAt(code, due);
        registry.setStatus(code, DossierStatus.IN_PROCESS);
      } else if (r < 35) {
        step();
        due = due.plus(Duration.ofHours(random.nextLong(-48, 96)));
        registry.markDueAt(code, due);
      }
    }
    step();
    int fate = random.nextInt(100);
    if (fate < 15) {
      return; // still in process
    }
    if (fate < 25) {
      registry.markFinished(code, DossierStatus.WITHDRAWN, Outcome.WITHDRAWN, null, now);
      return;
    }
    String timeliness = now.isAfter(due) ? "LATE"
        : LocalDate.ofInstant(now, VN).equals(LocalDate.ofInstant(due, VN)) ? "ON_TIME" : "EARLY";
    registry.markFinished(code, DossierStatus.COMPLETED, random.nextInt(5) == 0 ? Outcome.REFUSED : Outcome.APPROVED,
        timeliness, now);
    if (random.nextInt(10) < 7) {
      step();
      registry.markReturned(code, now);
    }
  }

  /** Moves the clock forward: by nothing, minutes, hours, days, or to the next local midnight exactly. */
  private void step() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      // same instant
    } else if (kind == 1) {
      now = LocalDate.ofInstant(now, VN).plusDays(1).atStartOfDay(VN).toInstant();
    } else if (kind < 5) {
      now = now.plus(Duration.ofMinutes(random.nextInt(1, 600)));
    } else {
      now = now.plus(Duration.ofMinutes(random.nextLong(60, 10 * 24 * 60)));
    }
    clock();
  }

  private void clock() {
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
