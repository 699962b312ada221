package vn.gov.sct.onestop.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.gov.sct.onestop.DossierScenarioSupport;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.online.LookupSecrets;
import vn.gov.sct.onestop.online.OnlineDossierController;

/**
 * A dossier's papers as the people who use them get them: the clerk prints the receipt of a counter dossier, the
 * applicant downloads it with the secret printed on it, a specialist of another division gets nothing, and the
 * supplement request, refusal, apology, result copy, control slip and tracking book carry the dossier's facts.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "onestop.online.rate-limit.capacity=1000000",
    "onestop.online.rate-limit.refill-per-minute=1000000"})
class PaperStoriesTest extends DossierScenarioSupport {

  private static final String APPLICANT = "Công ty TNHH Thương mại Hải An";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired LookupSecrets secrets;

  /** The clerk {@code motcua} does the one-stop steps, signed in as the web apps would. */
  private void asClerk() {
    identityService.setAuthentication("motcua", List.of("one-stop"));
  }

  private byte[] staffDownload(String user, String code, String kind) throws Exception {
    MvcResult result = mvc.perform(get("/api/v1/dossiers/{code}/documents/{kind}", code, kind)
            .with(httpBasic(user, "demo")))
        .andExpect(status().isOk()).andReturn();
    assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
    return result.getResponse().getContentAsByteArray();
  }

  private Map<String, Object> frozen(String code, PaperKind kind) {
    String data = jdbc.queryForObject("select data from issued_paper where dossier_code = ? and kind = ? "
        + "order by seq desc fetch first 1 row only", String.class, code, kind.name());
    return Papers.data(data);
  }

  @Test
  void theReceiptOfACounterDossierListsTheDocumentsAndIsTheSameDocumentAtEveryDownload() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-02T09:00"));
    asClerk();
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    identityService.clearAuthentication();

    byte[] first = staffDownload("motcua", code, "receipt");
    byte[] second = staffDownload("motcua", code, "receipt");
    assertThat(Sha256.hex(second)).isEqualTo(Sha256.hex(first));
    assertThat(jdbc.queryForMap("select issued_by, pdf_sha256, form_edition, form_number from issued_paper "
        + "where dossier_code = ? and kind = 'RECEIPT'", code))
        .containsEntry("issued_by", "motcua").containsEntry("pdf_sha256", Sha256.hex(first))
        .containsEntry("form_edition", "tt03-2025").containsEntry("form_number", "01");

    PdfChecks pdf = PdfChecks.of(first);
    pdf.assertFontsEmbeddedAndNoGlyphMissing();
    pdf.assertPdfA2u();
    assertThat(pdf.text()).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01", "Mã hồ sơ: " + code,
        APPLICANT, "0225 3842 001", "Đăng ký thực hiện khuyến mại",
        "Văn bản đăng ký thực hiện khuyến mại (theo mẫu)", "Thể lệ chương trình khuyến mại (theo mẫu)",
        "Số lượng hồ sơ: 01", "4 ngày làm việc", "09 giờ 00 phút, ngày 02/03/2026", "ngày 06/03/2026",
        "Hải Phòng, ngày 02 tháng 3 năm 2026", "Quyển số: 2026", "tra-cuu?ma=" + code,
        "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "03/2025/TT-VPCP");

    // The counter applicant's lookup secret is printed on the receipt; with it the public API hands out the same PDF.
    String secret = (String) frozen(code, PaperKind.RECEIPT).get("lookupSecret");
    assertThat(secret).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
    assertThat(pdf.text()).contains(secret);
    MvcResult pub = mvc.perform(get("/api/v1/public/dossiers/{code}/documents/receipt", code)
        .header(OnlineDossierController.SECRET, secret)).andExpect(status().isOk()).andReturn();
    assertThat(Sha256.hex(pub.getResponse().getContentAsByteArray())).isEqualTo(Sha256.hex(first));
    mvc.perform(get("/api/v1/public/dossiers/{code}/documents/receipt", code)
        .header(OnlineDossierController.SECRET, "AAAA-BBBB-CCCC-DDDD")).andExpect(status().isNotFound());
    // a receipt issued again (a second completeness check) prints no new secret: the first one stays the key
    assertThat(secrets.issueForCounter(code)).isNull();
    assertThat(jdbc.queryForList("select secret_hash from dossier_lookup_secret where dossier_code = ?", String.class,
        code)).containsExactly(Sha256.hex(secret));
    mvc.perform(get("/api/v1/public/dossiers/{code}/documents/receipt", code))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/api/v1/public/dossiers/{code}/documents/control-slip", code)
        .header(OnlineDossierController.SECRET, secret)).andExpect(status().isNotFound());

    // Another division's specialist sees neither the list nor a paper; without an account, 401.
    mvc.perform(get("/api/v1/dossiers/{code}/documents/receipt", code).with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/dossiers/{code}/documents/control-slip", code).with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/dossiers/{code}/documents", code).with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/dossiers/{code}/documents/receipt", code)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/dossiers/{code}/documents", code).with(httpBasic("motcua", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("receipt"))
        .andExpect(jsonPath("$[0].number").value(code))
        .andExpect(jsonPath("$[0].pdfSha256").value(Sha256.hex(first)));
    mvc.perform(get("/api/v1/dossiers/{code}/documents/refusal", code).with(httpBasic("motcua", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Không có văn bản"));
  }

  @Test
  void theReceiptListsWhatTheClerkTickedOnTheReceptionChecklist() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-03T09:00"));
    asClerk();
    // what the clerk ticks in the completeness form, here as an API client's JSON list (reception/ChecklistTask)
    String checklist = """
        [{"name": "Văn bản đăng ký thực hiện khuyến mại (theo mẫu)", "received": true, "paperForm": "ORIGINAL",
          "copies": 1},
         {"name": "Thể lệ chương trình khuyến mại (theo mẫu)", "received": true, "paperForm": "CERTIFIED_COPY",
          "copies": 2},
         {"name": "Mẫu vé số dự thưởng (nếu có)", "received": false, "note": "Không phát hành vé số"},
         {"name": "Giấy ủy quyền nộp hồ sơ", "received": true, "paperForm": "COPY", "copies": 1}]""";
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT", "checklistReviewed", true, "checklist",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(checklist).create());
    identityService.clearAuthentication();

    String text = PdfChecks.of(staffDownload("motcua", code, "receipt")).text();
    // names wrap in their table cells: the text reads cell by cell, line by line
    assertThat(text).contains("1 Văn bản đăng ký thực hiện khuyến mại Bản chính 01",
        "2 Thể lệ chương trình khuyến mại (theo Bản sao có 02", "chứng thực", "3 Giấy ủy quyền nộp hồ sơ Bản sao 01");
    // not received: not on the receipt
    assertThat(text).doesNotContain("Mẫu vé số dự thưởng");
  }

  @Test
  void theSupplementRequestAndTheRefusalCarryTheClerksNote() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-03T10:15"));
    asClerk();
    complete(code, "checkCompleteness", "receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung thể lệ chương trình có chữ ký của người đại diện theo pháp luật");
    String refused = submit("electricityRetail", at("2026-03-03T10:30"));
    asClerk();
    complete(refused, "checkCompleteness", "receptionDecision", "REFUSE",
        "receptionNote", "Hoạt động bán lẻ điện ở nông thôn thuộc thẩm quyền của Ủy ban nhân dân cấp xã");
    identityService.clearAuthentication();

    PdfChecks supplement = PdfChecks.of(staffDownload("motcua", code, "supplement-request"));
    supplement.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(supplement.text()).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02", code + "/BS-1",
        APPLICANT, "Bổ sung thể lệ chương trình có chữ ký của người đại diện theo pháp luật", "tiếp nhận",
        "Hải Phòng, ngày 03 tháng 3 năm 2026");
    PdfChecks refusal = PdfChecks.of(staffDownload("motcua", refused, "refusal"));
    refusal.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(refusal.text()).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mẫu số 03", refused + "/TC-1",
        "giấy phép hoạt động bán lẻ điện",
        "Hoạt động bán lẻ điện ở nông thôn thuộc thẩm quyền của Ủy ban nhân dân cấp xã");
  }

  @Test
  void theApologyAndTheResultCopyCarryTheNewDateTheReasonAndTheDecisionNumber() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-02T09:00"));
    asClerk();
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    Instant dueAt = dossier(code).dueAt();
    identityService.clearAuthentication();
    complete(code, "assignSpecialist", "specialist", "cv.thuongmai");
    moveClockTo(calendar.subtractWorkingDays(dueAt, BigDecimal.ONE));
    complete(code, "issueApology", "apologyReason", "Chương trình khuyến mại cần lấy ý kiến của cơ quan thuế",
        "newDueAt", date(at("2026-03-11T16:30")));
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    complete(code, "approveResult", "leaderDecision", "APPROVE");
    complete(code, "issueResult", "documentNumber", "125/XNKM-SCT");

    PdfChecks apology = PdfChecks.of(staffDownload("motcua", code, "apology"));
    apology.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(apology.text()).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Mẫu số 04",
        "Kính gửi: " + APPLICANT, "09 giờ 00 phút, ngày 06/03/2026", "16 giờ 30 phút, ngày 11/03/2026",
        "Chương trình khuyến mại cần lấy ý kiến của cơ quan thuế", "Hải Phòng, ngày 05 tháng 3 năm 2026");
    byte[] result = staffDownload("quanly", code, "result-copy");
    PdfChecks copy = PdfChecks.of(result);
    copy.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(copy.text()).contains("THÔNG TIN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "125/XNKM-SCT", code,
        APPLICANT, "Chấp thuận", "05/03/2026");
    assertThat(copy.text()).doesNotContain("Mẫu số");

    PdfChecks slip = PdfChecks.of(staffDownload("quanly", code, "control-slip"));
    slip.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(slip.text()).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 06");
    assertThat(slip.cellText()).contains("Bộ phận Một cửa (motcua)", "Phòng Quản lý Thương mại", "Ban Giám đốc Sở",
        "Văn phòng Sở", "quá hạn", "trước hạn");
  }

  @Test
  void theTrackingBookListsEveryDossierReceivedInThePeriodAsPdfAndSpreadsheet() throws Exception {
    String code = submit("inspectionSeal", at("2026-04-06T14:20"));
    asClerk();
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    identityService.clearAuthentication();

    MvcResult pdf = mvc.perform(get("/api/v1/documents/tracking-book").param("from", "2026-04-06")
        .param("to", "2026-04-06").with(httpBasic("quanly", "demo"))).andExpect(status().isOk()).andReturn();
    PdfChecks book = PdfChecks.of(pdf.getResponse().getContentAsByteArray());
    book.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(book.text()).contains("SỔ THEO DÕI HỒ SƠ", "Mẫu số 07", "Từ ngày 06/04/2026 đến ngày 06/04/2026");
    // a table cell's lines follow each other in drawing order; narrow columns wrap codes and dates at '-' and '/'
    assertThat(book.cellText()).contains("Đăng ký dấu nghiệp vụ giám định thương mại", APPLICANT,
        "Phòng Quản lý Thương mại", "Nhận kết quả từ cơ quan giải quyết");
    assertThat(book.cellText().replace(" ", "")).contains(code, "14giờ20phút,ngày06/04/2026",
        "14giờ20phút,ngày13/04/2026");

    MvcResult xlsx = mvc.perform(get("/api/v1/documents/tracking-book").param("from", "2026-04-06")
        .param("to", "2026-04-06").param("format", "xlsx").with(httpBasic("motcua", "demo")))
        .andExpect(status().isOk()).andReturn();
    assertThat(xlsx.getResponse().getContentType()).isEqualTo(RenderedPaper.XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("Tên cá nhân, tổ chức");
      // other stories of the shared test database may receive dossiers that day too: find this one's line
      Row line = null;
      for (int r = 5; r <= sheet.getLastRowNum(); r++) {
        if (code.equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
          line = sheet.getRow(r);
        }
      }
      assertThat(line).as("line of %s", code).isNotNull();
      assertThat(line.getCell(2).getStringCellValue()).isEqualTo("Đăng ký dấu nghiệp vụ giám định thương mại");
      assertThat(line.getCell(4).getStringCellValue()).isEqualTo(APPLICANT);
      assertThat(line.getCell(7).getStringCellValue()).isEqualTo("14 giờ 20 phút, ngày 06/04/2026");
    }

    mvc.perform(get("/api/v1/documents/tracking-book").param("from", "2026-04-06").param("to", "2026-04-06")
        .with(httpBasic("cv.thuongmai", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/documents/tracking-book").param("from", "2026-04-07").param("to", "2026-04-06")
        .header("Accept-Language", "en").with(httpBasic("quanly", "demo")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid period"));
  }

  @Test
  void aReceiptIssuedIn2024UsesTheFormsOfCircular01Of2018() throws Exception {
    String code = submit("promotionRegistration", at("2024-03-04T09:00"));
    asClerk();
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    identityService.clearAuthentication();
    PdfChecks pdf = PdfChecks.of(staffDownload("motcua", code, "receipt"));
    assertThat(pdf.text()).contains("Mẫu số 01", "Thông tư số 01/2018/TT-VPCP", "Hải Phòng, ngày 04 tháng 3 năm 2024");
    assertThat(frozen(code, PaperKind.RECEIPT)).containsEntry("legalBasis",
        frozen(code, PaperKind.RECEIPT).get("legalBasis")).extractingByKey("legalBasis").asString()
        .contains("61/2018/NĐ-CP");
  }
}
