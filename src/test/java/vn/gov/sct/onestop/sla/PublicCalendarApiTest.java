package vn.gov.sct.onestop.sla;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.calendar.CalendarDataLoader;
import vn.gov.sct.onestop.calendar.CalendarFiles;
import vn.gov.sct.onestop.calendar.CalendarYear;

/**
 * The calendar's public endpoints and the managers' list of changed due dates, through the whole application
 * (same settings as the citizen API tests, so the context is shared).
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "onestop.online.rate-limit.capacity=1000000",
    "onestop.online.rate-limit.refill-per-minute=1000000"})
class PublicCalendarApiTest extends EngineTestSupport {

  static final String CALENDAR = "/api/v1/public/calendar";

  @Autowired MockMvc mvc;
  @Autowired CalendarFiles files;

  @AfterEach
  void backToTheShippedNotices() {
    files.apply(files.read());
  }

  @Test
  void anOfficialYearListsItsNoticeAsSource() throws Exception {
    mvc.perform(get(CALENDAR + "/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OFFICIAL"))
        .andExpect(jsonPath("$.statusLabel").value("chính thức"))
        .andExpect(jsonPath("$.source").value("vn-2026.yaml"))
        .andExpect(jsonPath("$.days[?(@.date == '2026-01-10')].kind").value(hasItem("WORKING")))
        .andExpect(jsonPath("$.days[?(@.date == '2026-02-17')].name").value(hasItem("Tết Nguyên Đán (mùng 1)")))
        .andExpect(jsonPath("$.days[?(@.date == '2026-02-17')].source")
            .value(hasItem("Thông báo 9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ)")));
  }

  @Test
  void aYearWithoutItsNoticeIsProvisionalAndSaysWhy() throws Exception {
    mvc.perform(get(CALENDAR + "/2027"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PROVISIONAL"))
        .andExpect(jsonPath("$.statusLabel").value("tạm tính"))
        .andExpect(jsonPath("$.days[?(@.date == '2027-02-06')].name").value(hasItem("Tết Nguyên Đán (mùng 1)")))
        .andExpect(jsonPath("$.days[?(@.date == '2027-02-06')].provisional").value(hasItem(true)))
        .andExpect(jsonPath("$.days[?(@.date == '2027-04-16')].kindLabel").value(hasItem("Ngày nghỉ")))
        .andExpect(jsonPath("$.days[0].source").value(containsString("tạm tính")));
  }

  @Test
  void aYearFarOutsideTheRangeIsAClearErrorInVietnameseOrEnglish() throws Exception {
    mvc.perform(get(CALENDAR + "/2100"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:calendar.year.range"))
        .andExpect(jsonPath("$.detail").value("Lịch làm việc tính cho các năm 1990–2099; năm 2100 nằm ngoài phạm vi này."))
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    mvc.perform(get(CALENDAR + "/20x7").header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid year"))
        .andExpect(jsonPath("$.errors[0].field").value("year"));
  }

  @Test
  void theDueDateOfADossierReceivedOn20December2026IsIn2027AndProvisional() throws Exception {
    mvc.perform(get(CALENDAR + "/due").param("procedure", "petroleum-retail")
            .param("receivedAt", "2026-12-20T03:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.workingDays").value(15))
        .andExpect(jsonPath("$.clockStart").value("2026-12-21T00:30:00Z"))
        .andExpect(jsonPath("$.dueAt").value("2027-01-11T10:30:00Z"))
        .andExpect(jsonPath("$.provisional").value(true))
        .andExpect(jsonPath("$.provisionalYears[0]").value(2027))
        .andExpect(jsonPath("$.note").value(containsString("tạm tính năm 2027")));
    mvc.perform(get(CALENDAR + "/due").param("procedure", "promotion-registration")
            .param("receivedAt", "2026-03-02T02:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.provisional").value(false));
  }

  @Test
  void theDueDateEndpointNamesEveryBadParameter() throws Exception {
    mvc.perform(get(CALENDAR + "/due").param("procedure", "no-such").param("receivedAt", "20/12/2026"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'procedure')].message")
            .value(hasItem("không có thủ tục với mã 'no-such'")))
        .andExpect(jsonPath("$.errors[?(@.field == 'receivedAt')]").isNotEmpty());
    mvc.perform(get(CALENDAR + "/due").header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'receivedAt')].message")
            .value(hasItem(containsString("required"))));
  }

  @Test
  void bothEndpointsAreInTheOpenApiDescription() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/public/calendar/{year}'].get.summary")
            .value("Ngày nghỉ và ngày làm bù của một năm"))
        .andExpect(jsonPath("$.paths['/api/v1/public/calendar/due'].get.parameters[*].name")
            .value(org.hamcrest.Matchers.containsInAnyOrder("procedure", "receivedAt")));
  }

  @Test
  void managersSeeTheDueDatesThatMovedAndOtherDivisionsDoNot() throws Exception {
    clockAt("2026-12-20T10:00");
    String code = submit("petroleumRetail", "Công ty TNHH Dầu khí Cát Bà").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    String yaml = """
        year: 2027
        entries:
          - {date: 2027-01-01, kind: HOLIDAY, name: "Tết Dương lịch", source: "Thông báo giả định cho kiểm thử"}
          - {date: 2027-01-04, kind: HOLIDAY, name: "Nghỉ (giả định)", source: "Thông báo giả định cho kiểm thử"}
        """;
    List<CalendarYear> years = new ArrayList<>(files.read());
    years.add(CalendarDataLoader.parse("test:vn-2027.yaml", "vn-2027.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    files.apply(years);

    mvc.perform(get("/api/v1/monitoring/due-date-changes").with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].newDueAt").value(hasItem("2027-01-12T10:30:00Z")))
        .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')].previousDueAt")
            .value(hasItem("2027-01-11T10:30:00Z")));
    mvc.perform(get("/api/v1/monitoring/due-date-changes").with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.dossierCode == '" + code + "')]").isEmpty());
    mvc.perform(get("/api/v1/monitoring/due-date-changes"))
        .andExpect(status().isUnauthorized());
  }
}
