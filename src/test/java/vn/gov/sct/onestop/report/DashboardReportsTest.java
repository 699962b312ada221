package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.gov.sct.onestop.DossierScenarioSupport;
import vn.gov.sct.onestop.paper.PdfChecks;

/**
 * The dashboard's charts and the periodic report to the city read the same figures as the period report: for
 * the same period, every cell of the spreadsheet equals the statistics, the PDF holds the spreadsheet's rows, and
 * the months of the charts add up to the period's flows.
 */
@AutoConfigureMockMvc
class DashboardReportsTest extends DossierScenarioSupport {

  private static final LocalDate FROM = LocalDate.parse("2026-04-01");
  private static final LocalDate TO = LocalDate.parse("2026-06-30");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired StatisticsService statistics;

  @BeforeEach
  void dossiersOfTheQuarter() {
    // a promotion dossier solved early in April, its assignment left past its allotment
    String solved = submit("promotionRegistration", at("2026-04-06T08:00"));
    complete(solved, "checkCompleteness", "receptionDecision", "ACCEPT");
    moveClockTo(at("2026-04-06T15:00"));
    complete(solved, "assignSpecialist", "specialist", "cv.thuongmai");
    complete(solved, "appraiseDossier", "appraisalProposal", "APPROVE");
    complete(solved, "approveResult", "leaderDecision", "APPROVE");
    complete(solved, "issueResult", "documentNumber", "40/GXN-SCT");
    complete(solved, "returnResult");
    // an electricity dossier received in May, still in process at the end of the quarter
    String open = submit("electricityRetail", at("2026-05-11T09:00"));
    complete(open, "checkCompleteness", "receptionDecision", "ACCEPT");
  }

  @Test
  void theSpreadsheetHoldsTheStatisticsOfTheSamePeriod() throws Exception {
    byte[] xlsx = mvc.perform(get("/api/v1/statistics/periodic-report.xlsx").param("from", FROM.toString())
            .param("to", TO.toString()).with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    StatisticsReport report = statistics.report(new Period(FROM, TO), GroupBy.PROCEDURE);
    assertThat(report.total().received()).isGreaterThanOrEqualTo(2);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu số 06/VPCP/KSTT");
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("(Từ ngày 01/04/2026 đến ngày 30/06/2026)");
      int r = PeriodicReportXlsx.FIRST_DATA_ROW;
      for (StatisticsRow expected : report.rows()) {
        assertRow(sheet.getRow(r++), expected);
      }
      assertRow(sheet.getRow(r), report.total());
      // the columns read as the form says: received = online + direct/postal + carried over; solved by timeliness
      Row total = sheet.getRow(r);
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(total.getCell(3).getNumericCellValue()
          + total.getCell(4).getNumericCellValue() + total.getCell(5).getNumericCellValue());
      assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(total.getCell(7).getNumericCellValue()
          + total.getCell(8).getNumericCellValue() + total.getCell(9).getNumericCellValue());
      assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(report.total().solved());
    }
  }

  private static void assertRow(Row row, StatisticsRow expected) {
    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.label());
    List<Long> figures = PeriodicReport.figures(expected);
    for (int c = 0; c < figures.size(); c++) {
      assertThat((long) row.getCell(c + 2).getNumericCellValue()).as("%s, column %s", expected.label(),
          PeriodicReport.COLUMNS.get(c)).isEqualTo(figures.get(c));
    }
  }

  @Test
  void thePdfHoldsTheSameFiguresAsTheSpreadsheet() throws Exception {
    byte[] xlsx = periodicReport("xlsx").andReturn().getResponse().getContentAsByteArray();
    byte[] pdf = periodicReport("pdf")
        .andExpect(content().contentType("application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();

    // each row of the spreadsheet (procedures, then the total) as it reads in the PDF: number, name, figures
    List<String> rows = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      for (int r = PeriodicReportXlsx.FIRST_DATA_ROW; sheet.getRow(r) != null
          && !sheet.getRow(r).getCell(1).getStringCellValue().isEmpty(); r++) {
        Row row = sheet.getRow(r);
        StringBuilder line = new StringBuilder(row.getCell(0).getStringCellValue()).append(' ')
            .append(row.getCell(1).getStringCellValue());
        for (int c = 2; c < 2 + PeriodicReport.COLUMNS.size(); c++) {
          line.append(' ').append((long) row.getCell(c).getNumericCellValue());
        }
        rows.add(line.toString().trim());
      }
    }
    StatisticsReport report = statistics.report(new Period(FROM, TO), GroupBy.PROCEDURE);
    assertThat(rows).hasSize(report.rows().size() + 1);
    assertThat(rows.get(rows.size() - 1)).isEqualTo(report.total().label() + " " + PeriodicReport.figures(
        report.total()).stream().map(String::valueOf).collect(Collectors.joining(" ")));

    Files.createDirectories(Path.of("target/papers"));
    Files.write(Path.of("target/papers/periodic-report.pdf"), pdf); // to look at: pdftoppm -png -r 60
    PdfChecks checks = PdfChecks.of(pdf);
    for (String row : rows) {
      assertThat(checks.cellText()).as("the PDF's row").contains(row);
    }
    assertThat(checks.cellText()).contains("Biểu số 06/VPCP/KSTT", "(Từ ngày 01/04/2026 đến ngày 30/06/2026)",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số hồ sơ đã giải quyết",
        "Trực tiếp, dịch vụ bưu chính", "Đơn vị tính: Số hồ sơ TTHC");
    checks.assertFontsEmbeddedAndNoGlyphMissing();
    checks.assertPdfA2u();
    assertThat(checks.pages()).isEqualTo(1);
  }

  private ResultActions periodicReport(String format) throws Exception {
    return mvc.perform(get("/api/v1/statistics/periodic-report." + format).param("from", FROM.toString())
            .param("to", TO.toString()).with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void theChartsAddUpToThePeriodReport() throws Exception {
    String body = mvc.perform(get("/api/v1/statistics/charts").param("from", FROM.toString())
            .param("to", TO.toString()).with(httpBasic("quanly", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode charts = json.readTree(body);
    StatisticsReport period = statistics.report(new Period(FROM, TO), GroupBy.OVERALL);

    assertThat(charts.get("months")).hasSize(3);
    long received = 0;
    long solved = 0;
    for (JsonNode month : charts.get("months")) {
      received += month.at("/total/received").asLong();
      solved += month.at("/total/solved").asLong();
    }
    assertThat(received).isEqualTo(period.total().received());
    assertThat(solved).isEqualTo(period.total().solved());
    assertThat(charts.at("/byProcedure/total/received").asLong()).isEqualTo(period.total().received());
    assertThat(charts.at("/byDivision/total/solved").asLong()).isEqualTo(period.total().solved());

    long distributed = 0;
    for (JsonNode bucket : charts.get("processingTime")) {
      distributed += bucket.get("dossiers").asLong();
    }
    assertThat(distributed).isEqualTo(period.total().solved());
    assertThat(charts.at("/processingTime/0/label").asText()).isEqualTo("dưới 25%");

    // the effect of the cuts: promotion registration went from 5 to 4 working days (catalog, 2018)
    JsonNode promotion = null;
    for (JsonNode cut : charts.get("deadlines")) {
      if (cut.get("procedureCode").asText().equals("promotion-registration")) {
        promotion = cut;
      }
    }
    assertThat(promotion).isNotNull();
    assertThat(promotion.get("daysBefore").decimalValue()).isEqualByComparingTo("5");
    assertThat(promotion.get("daysNow").decimalValue()).isEqualByComparingTo("4");
    assertThat(promotion.get("averageProcessingDays").isNull()).isFalse();

    JsonNode assignment = null;
    for (JsonNode step : charts.get("overruns")) {
      if (step.get("step").asText().equals("assignSpecialist")) {
        assignment = step;
      }
    }
    assertThat(assignment).isNotNull();
    assertThat(assignment.get("stepName").asText()).isEqualTo("Phân công chuyên viên thụ lý");
    assertThat(assignment.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() throws Exception {
    mvc.perform(get("/api/v1/statistics/charts").param("from", "2026-06-30").param("to", "2026-04-01")
            .with(httpBasic("quanly", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Kỳ báo cáo không hợp lệ"))
        .andExpect(jsonPath("$.errors[0].field").value("to"));
  }
}
