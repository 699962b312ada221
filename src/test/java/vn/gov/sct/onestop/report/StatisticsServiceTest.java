package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * The week of Monday 7/10/2019 to Friday 11/10/2019 (no holiday) for promotion registration (4 working days
 * in 2019), with one dossier per category, each driven through the real process with the engine clock moved;
 * the expected figures are counted by hand below. No other test uses 2019.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsServiceTest extends EngineTestSupport {

  private static final String PROMOTION = "promotion-registration";
  private static final Period WEEK = new Period(LocalDate.of(2019, 10, 7), LocalDate.of(2019, 10, 11));

  @Autowired StatisticsService statistics;
  @Autowired MonitoringService monitoring;
  @Autowired WorkingCalendar calendar;

  String carriedSolvedEarly;
  String onlineOnTime;
  String counterLate;
  String inProcessWithin;
  String carriedPastDeadline;
  String pausedAcrossEnd;
  String refusedAtReception;
  String withdrawn;
  String refusedAfterAppraisal;

  private boolean built;

  /** Once for the class; in a test method's run, as the process coverage listener needs one. */
  @BeforeEach
  void dossiersOfTheWeek() {
    if (built) {
      return;
    }
    built = true;
    // solved before the week: counted nowhere
    String before = received("2019-09-23T08:00", "COUNTER", "Công ty Tuần Trước");
    solve(before, "2019-09-25T09:00", "APPROVE");

    // A: received Thu 3/10 08:00, due Wed 9/10 08:00, solved Tue 8/10 09:00: carried over, early, 1500 minutes
    carriedSolvedEarly = received("2019-10-03T08:00", "COUNTER", "Công ty A");
    solve(carriedSolvedEarly, "2019-10-08T09:00", "APPROVE");
    // E: received Mon 30/9, due Fri 4/10 08:00, still being appraised: carried over, in process past deadline
    carriedPastDeadline = received("2019-09-30T08:00", "COUNTER", "Công ty E");
    clockAt("2019-09-30T09:00");
    complete(carriedPastDeadline, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    // B: online, Mon 7/10 08:00, due Fri 11/10 08:00, issued Fri 07:50: on time, 1910 minutes
    onlineOnTime = received("2019-10-07T08:00", "ONLINE", "Công ty B");
    solve(onlineOnTime, "2019-10-11T07:50", "APPROVE");
    // C: counter, Mon 7/10 09:00, due Fri 11/10 09:00, issued Fri 10:00: late, 1980 minutes
    counterLate = received("2019-10-07T09:00", "COUNTER", "Công ty C");
    solve(counterLate, "2019-10-11T10:00", "APPROVE");
    // K: counter, Mon 7/10 10:00, refusal proposed and issued Wed 9/10 10:00: solved early (a reasoned refusal)
    refusedAfterAppraisal = received("2019-10-07T10:00", "COUNTER", "Công ty K");
    solve(refusedAfterAppraisal, "2019-10-09T10:00", "REFUSE");
    // D: counter, Wed 9/10 08:00, due Tue 15/10 08:00: in process within the deadline at the week's end
    inProcessWithin = received("2019-10-09T08:00", "COUNTER", "Công ty D");
    // G: refused at reception on Tue 8/10
    clockAt("2019-10-08T08:00");
    refusedAtReception = submitted("COUNTER", "Công ty G");
    complete(refusedAtReception, "checkCompleteness", "motcua",
        vars("receptionDecision", "REFUSE", "receptionNote", "Không thuộc thẩm quyền"));
    // F: asked to supplement on Thu 10/10, supplement arrives Mon 14/10: paused at the week's end
    clockAt("2019-10-10T08:00");
    pausedAcrossEnd = submitted("ONLINE", "Công ty F");
    complete(pausedAcrossEnd, "checkCompleteness", "motcua",
        vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Thiếu thể lệ chương trình"));
    clockAt("2019-10-14T08:00");
    complete(pausedAcrossEnd, "awaitSupplement", "motcua", vars());
    complete(pausedAcrossEnd, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    // H: asked to supplement 30 working days before Wed 9/10 08:00, never did: withdrawn on 9/10
    Instant asked = calendar.subtractWorkingDays(vn("2019-10-09T08:00"), BigDecimal.valueOf(30));
    ClockUtil.setCurrentTime(Date.from(asked));
    withdrawn = submitted("COUNTER", "Công ty H");
    complete(withdrawn, "checkCompleteness", "motcua",
        vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Thiếu văn bản đăng ký"));
    clockAt("2019-10-09T08:00");
    fireTimer(withdrawn, "supplementTimeLimit");
    // received after the week: counted nowhere
    received("2019-10-14T09:00", "COUNTER", "Công ty Tuần Sau");
  }

  @Test
  void promotion_registration_in_the_week_of_7_october_2019() {
    StatisticsRow row = row(statistics.report(WEEK, GroupBy.PROCEDURE), PROMOTION);

    assertThat(row.carriedOver()).as("carried over: A, E").isEqualTo(2);
    assertThat(row.receivedOnline()).as("online: B").isEqualTo(1);
    assertThat(row.receivedCounter()).as("counter: C, K, D").isEqualTo(3);
    assertThat(row.receivedPostal()).isZero();
    assertThat(row.received()).isEqualTo(4);
    assertThat(row.solvedEarly()).as("early: A, K").isEqualTo(2);
    assertThat(row.solvedOnTime()).as("on time: B").isEqualTo(1);
    assertThat(row.solvedLate()).as("late: C").isEqualTo(1);
    assertThat(row.inProcessWithinDeadline()).as("within: D").isEqualTo(1);
    assertThat(row.inProcessPastDeadline()).as("past: E").isEqualTo(1);
    assertThat(row.pausedForSupplement()).as("paused: F").isEqualTo(1);
    assertThat(row.refused()).as("refused at reception: G").isEqualTo(1);
    assertThat(row.withdrawn()).as("withdrawn: H").isEqualTo(1);
    // (1500 + 1910 + 1980 + 960) / 4 / 480 = 3.307
    assertThat(row.averageProcessingDays()).isEqualByComparingTo("3.31");
    assertThat(row.onTimeShare()).isEqualByComparingTo("0.75");
  }

  @Test
  void the_previous_week_sees_the_supplement_requested_of_H_and_the_receipts_of_E_and_A() {
    StatisticsRow row = row(statistics.report(new Period(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 4)),
        GroupBy.PROCEDURE), PROMOTION);

    assertThat(row.carriedOver()).as("nothing open on 30/9").isZero();
    assertThat(row.receivedCounter()).as("E, A").isEqualTo(2);
    assertThat(row.solved()).isZero();
    assertThat(row.inProcessWithinDeadline()).as("A, due 9/10").isEqualTo(1);
    assertThat(row.inProcessPastDeadline()).as("E, due 4/10 08:00").isEqualTo(1);
    assertThat(row.pausedForSupplement()).as("H").isEqualTo(1);
  }

  @Test
  void division_and_overall_rows_add_up_the_procedures() {
    StatisticsReport byProcedure = statistics.report(WEEK, GroupBy.PROCEDURE);
    StatisticsReport byDivision = statistics.report(WEEK, GroupBy.DIVISION);
    StatisticsReport overall = statistics.report(WEEK, GroupBy.OVERALL);

    assertThat(row(byDivision, "trade-management").label()).isEqualTo("Phòng Quản lý Thương mại");
    assertThat(overall.rows()).hasSize(1);
    assertThat(overall.rows().get(0)).usingRecursiveComparison().ignoringFields("key", "label")
        .isEqualTo(byProcedure.total());
    assertThat(byDivision.total()).usingRecursiveComparison().isEqualTo(byProcedure.total());
    assertThat(byProcedure.total().received()).isEqualTo(4);
  }

  @Test
  void csv_has_a_byte_order_mark_vietnamese_headers_and_one_line_per_row() {
    StatisticsReport report = statistics.report(WEEK, GroupBy.PROCEDURE);
    byte[] bytes = StatisticsCsv.bytes(report);

    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines).hasSize(report.rows().size() + 2);
    assertThat(lines[0]).startsWith("Mã,Tên,Tồn kỳ trước,Tiếp nhận trực tuyến,");
    assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(StatisticsCsv.HEADERS.size()));
    assertThat(lines[lines.length - 1]).startsWith("total,Tổng cộng,");
    String promotion = java.util.Arrays.stream(lines).filter(l -> l.startsWith(PROMOTION + ",")).findFirst().orElseThrow();
    assertThat(promotion.split(",")).containsSubsequence("2", "1", "3", "0", "4", "6", "4", "2", "1", "1", "1", "1",
        "1", "1", "1", "3.31", "75.00");
  }

  @Test
  void monitoring_lists_the_overdue_and_the_soon_due_with_their_current_step() {
    clockAt("2019-10-11T12:00");

    assertThat(monitoring.overdue()).filteredOn(d -> d.code().startsWith("H15.50-19"))
        .singleElement().satisfies(d -> {
          assertThat(d.code()).isEqualTo(carriedPastDeadline);
          assertThat(d.divisionName()).isEqualTo("Phòng Quản lý Thương mại");
          assertThat(d.steps()).singleElement().satisfies(s -> {
            assertThat(s.name()).startsWith("Thẩm định hồ sơ");
            // the step may run in a call activity (division processing): Cockpit links to that instance
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(s.processInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(d.code());
          });
        });
    // due Tue 15/10 08:00, within two working days of Fri 12:00
    assertThat(monitoring.atRisk()).filteredOn(d -> d.code().startsWith("H15.50-19"))
        .singleElement().satisfies(d -> {
          assertThat(d.code()).isEqualTo(inProcessWithin);
          assertThat(d.steps()).extracting(MonitoredDossier.Step::taskDefinitionKey).containsExactly("assignSpecialist");
        });
  }

  // ------------------------------------------------------------------ the dossiers' stories

  private String submitted(String channel, String applicant) {
    return runtimeService.startProcessInstanceByKey("promotionRegistration",
        vars("applicantName", applicant, "channel", channel)).getBusinessKey();
  }

  /** Arrives and is accepted at the counter at that local time. */
  private String received(String at, String channel, String applicant) {
    clockAt(at);
    String code = submitted(channel, applicant);
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    return code;
  }

  /** Goes through the division and the board at once; the office issues the result at that local time. */
  private void solve(String code, String issuedAt, String proposal) {
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", proposal));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    clockAt(issuedAt);
    complete(code, "issueResult", "vanphong", vars("documentNumber", "1/" + code));
  }

  private static StatisticsRow row(StatisticsReport report, String key) {
    return report.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

}
