package vn.gov.sct.onestop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.calendar.CalendarDataLoader;
import vn.gov.sct.onestop.calendar.CalendarFiles;
import vn.gov.sct.onestop.calendar.CalendarYear;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.dossier.DossierVariables;

/**
 * Stories of a calendar that always answers: a year without its official notice is counted provisionally, and the
 * promise made on it is reviewed when the notice arrives. The shipped notices end with 2026, so 2027 is provisional.
 */
class ProvisionalDueDatesTest extends EngineTestSupport {

  @Autowired CalendarFiles files;
  @Autowired Deadlines deadlines;
  @Autowired SlaEvents slaEvents;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void backToTheShippedNotices() {
    files.apply(files.read()); // 2027 provisional again for the other tests
  }

  @Test
  void a_supplement_requested_on_29_november_2026_no_longer_fails_for_want_of_the_2027_file() {
    // the failing story of issue 13: HTTP 500, CalendarDataMissingException: No working-day calendar for 2027
    clockAt("2026-11-29T09:00"); // a Sunday
    String code = submit("promotionRegistration", "Công ty TNHH Thương mại Đồ Sơn").getBusinessKey();

    complete(code, "checkCompleteness", "motcua",
        vars("receptionDecision", "SUPPLEMENT", "receptionNote", "Bổ sung thể lệ chương trình có chữ ký"));

    assertThat(registry.get(code).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    Job timeLimit = managementService.createJobQuery().processInstanceId(
        openTask(code, "awaitSupplement").getProcessInstanceId()).timers().singleResult();
    // 30 working days from Monday 30/11 07:30: 24 in the rest of 2026, then 1/1/2027 off (provisional), 4–8/1 and
    // the whole of Monday 11/1
    assertThat(timeLimit.getDuedate().toInstant()).isEqualTo(vn("2027-01-11T17:30"));
  }

  @Test
  void a_dossier_received_on_20_december_2026_is_due_in_2027_provisionally_and_a_notice_adding_a_day_off_moves_it() {
    clockAt("2026-12-20T10:00"); // a Sunday: the clock starts on Monday 21/12 at 07:30
    String code = submit("petroleumRetail", "Công ty CP Xăng dầu Kiến An").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    // 15 working days: 21–31/12 (9), 1/1/2027 off (statutory, provisional), 4–8/1 (14), 11/1 (15)
    Instant promised = vn("2027-01-11T17:30");
    assertThat(registry.get(code).dueAt()).isEqualTo(promised);
    assertThat(dueProvisional(code)).isTrue();
    Instant apologyBefore = apologyTimer(code).getDuedate().toInstant();
    assertThat(apologyBefore).isEqualTo(deadlines.apologyDue(promised));

    // the (hypothetical) 2027 notice gives Monday 4/1 off, worked back on Saturday 16/1
    clockAt("2026-12-22T08:00");
    files.apply(withNotice2027("""
          - {date: 2027-01-01, kind: HOLIDAY, name: "Tết Dương lịch", source: "%1$s"}
          - {date: 2027-01-04, kind: HOLIDAY, name: "Nghỉ hoán đổi (làm bù thứ Bảy 16/01)", source: "%1$s"}
          - {date: 2027-01-16, kind: WORKING, name: "Làm bù cho ngày nghỉ thứ Hai 04/01", source: "%1$s"}
        """));

    Instant moved = vn("2027-01-12T17:30");
    assertThat(registry.get(code).dueAt()).isEqualTo(moved);
    assertThat(dueProvisional(code)).isFalse();
    assertThat(dueAtVariables(code)).isNotEmpty().allSatisfy(v -> assertThat(((Date) v.getValue()).toInstant())
        .isEqualTo(moved));
    assertThat(apologyTimer(code).getDuedate().toInstant()).isEqualTo(deadlines.apologyDue(moved))
        .isAfter(apologyBefore);
    assertThat(slaEvents.of(code)).filteredOn(e -> e.kind() == SlaEventKind.DUE_DATE_CHANGED).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("Lịch nghỉ chính thức năm 2027", "17:30 12/01/2027",
            "muộn hơn hạn đã hẹn 17:30 11/01/2027"));
    assertThat(jdbc.queryForObject("select count(*) from due_date_change where dossier_code = ? and calendar_years = ?",
        Integer.class, code, "2027")).isEqualTo(1);

    // the same notice read again (e.g. the operator touched the file) changes nothing more
    files.apply(files.read());
    files.apply(withNotice2027("""
          - {date: 2027-01-01, kind: HOLIDAY, name: "Tết Dương lịch", source: "%1$s"}
          - {date: 2027-01-04, kind: HOLIDAY, name: "Nghỉ hoán đổi (làm bù thứ Bảy 16/01)", source: "%1$s"}
          - {date: 2027-01-16, kind: WORKING, name: "Làm bù cho ngày nghỉ thứ Hai 04/01", source: "%1$s"}
        """));
    assertThat(registry.get(code).dueAt()).isEqualTo(moved);
    assertThat(slaEvents.of(code)).filteredOn(e -> e.kind() == SlaEventKind.DUE_DATE_CHANGED).hasSize(1);
  }

  @Test
  void a_notice_that_makes_a_provisional_day_off_a_working_day_never_moves_the_due_date_earlier_than_promised() {
    // Ngày Văn hóa Việt Nam (24/11) is in the provisional 2027 calendar; suppose the notice does not give it
    clockAt("2027-11-15T09:00");
    String code = submit("petroleumRetail", "Hộ kinh doanh Nguyễn Thị Lan").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    // from Monday 15/11 09:00, 15 working days later: 16–19/11 (4), 22–23/11 (6), 24/11 off (provisional),
    // 25–26/11 (8), 29/11–3/12 (13), 6/12 (14), 7/12 09:00 (15)
    Instant promised = vn("2027-12-07T09:00");
    assertThat(registry.get(code).dueAt()).isEqualTo(promised);
    assertThat(dueProvisional(code)).isTrue();

    files.apply(withNotice2027("""
          - {date: 2027-01-01, kind: HOLIDAY, name: "Tết Dương lịch", source: "%1$s"}
        """));

    // counted on the notice the dossier would be due on 6/12; the receipt promised 7/12, which stays
    assertThat(registry.get(code).dueAt()).isEqualTo(promised);
    assertThat(dueProvisional(code)).isFalse();
    assertThat(slaEvents.of(code)).noneMatch(e -> e.kind() == SlaEventKind.DUE_DATE_CHANGED);
  }

  /** The shipped notices plus a test notice for 2027 (not a real document). */
  private Collection<CalendarYear> withNotice2027(String entries) {
    String yaml = "year: 2027\nentries:\n"
        + entries.formatted("Thông báo giả định cho kiểm thử (không phải văn bản thật)");
    List<CalendarYear> years = new ArrayList<>(files.read());
    years.add(CalendarDataLoader.parse("test:vn-2027.yaml", "vn-2027.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    return years;
  }

  private boolean dueProvisional(String code) {
    return jdbc.queryForObject("select due_provisional from dossier where code = ?", Boolean.class, code);
  }

  private Job apologyTimer(String code) {
    List<Job> jobs = managementService.createJobQuery().timers().activityId("apologyTimer").list().stream()
        .filter(j -> code.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<VariableInstance> dueAtVariables(String code) {
    String[] ids = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
        .map(p -> p.getId()).toArray(String[]::new);
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableName(DossierVariables.DUE_AT).list();
  }
}
