package vn.gov.sct.onestop.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.sct.onestop.DossierScenarioSupport;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.attachment.AllowedType;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.attachment.NewFile;

/**
 * The story of a finished electricity dossier, as the manager reads it: received Monday 2/3/2026 08:00, its
 * assignment left past its half-day allotment (warning, then overdue), a supplement asked for during appraisal on
 * Tuesday 10:00 and brought on Thursday 15:00 with a document, then signed, issued and returned; the papers the
 * one-stop section issued on the way (receipt, supplement request, result) are in the story with working links.
 */
@AutoConfigureMockMvc
class DossierStoryTest extends DossierScenarioSupport {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired AttachmentStore attachments;

  @Test
  void aFinishedDossierTellsEveryEventInOrderWithItsPathThroughTheDiagrams() throws Exception {
    String code = submit("electricityRetail", at("2026-03-02T08:00"));
    clockAt(at("2026-03-02T08:30"));
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    moveClockTo(at("2026-03-02T15:00")); // the assignment was due at 14:00
    complete(code, "assignSpecialist", "specialist", "cv.nangluong");
    clockAt(at("2026-03-03T10:00"));
    complete(code, "appraiseDossier", "appraisalProposal", "SUPPLEMENT", "appraisalNote", "Bổ sung danh sách");
    moveClockTo(at("2026-03-05T15:00"));
    byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    String documentId = AttachmentStore.newIds(1).get(0);
    attachments.store(code, AttachmentKind.SUPPLEMENT, List.of(documentId),
        List.of(new NewFile("danh-sach.pdf", AllowedType.PDF, pdf, Sha256.hex(pdf))));
    clockAt(at("2026-03-05T15:10"));
    complete(code, "awaitAppraisalSupplement");
    clockAt(at("2026-03-06T09:00"));
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    clockAt(at("2026-03-06T10:00"));
    complete(code, "approveResult", "leaderDecision", "APPROVE");
    clockAt(at("2026-03-06T11:00"));
    complete(code, "issueResult", "documentNumber", "7/GP-SCT");
    clockAt(at("2026-03-06T14:00"));
    complete(code, "returnResult");

    JsonNode story = story("quanly", code);

    assertThat(story.at("/facts/statusLabel").asText()).isEqualTo("Đã trả kết quả");
    assertThat(story.at("/facts/running").asBoolean()).isFalse();
    assertThat(story.at("/facts/procedureName").asText()).isEqualTo("Cấp giấy phép hoạt động bán lẻ điện");

    // every event, oldest first
    List<Instant> times = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    story.get("timeline").forEach(e -> {
      times.add(Instant.parse(e.get("at").asText()));
      titles.add(e.get("kind").asText() + ": " + e.get("title").asText());
    });
    assertThat(times).isSorted();
    assertThat(titles).containsExactly(
        "STATUS: Mới đăng ký",
        "STATUS: Đã tiếp nhận",
        "STATUS: Đang xử lý",
        "HANDOFF: Chuyển hồ sơ: Bộ phận Một cửa → Phòng Quản lý Năng lượng",
        "PAPER: Lập giấy tờ: Giấy tiếp nhận hồ sơ và hẹn trả kết quả số " + code,
        "SLA: Cảnh báo sắp đến hạn: Phân công chuyên viên thụ lý",
        "SLA: Quá hạn bước xử lý: Phân công chuyên viên thụ lý",
        "STATUS: Yêu cầu bổ sung hồ sơ",
        "PAPER: Lập giấy tờ: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ số " + code + "/BS-1",
        "DOCUMENT: Nhận tài liệu: danh-sach.pdf",
        "STATUS: Đang xử lý",
        "HANDOFF_DONE: Phòng Quản lý Năng lượng hoàn thành phần việc (trước hạn)",
        "HANDOFF: Chuyển hồ sơ: Phòng Quản lý Năng lượng → Ban Giám đốc Sở",
        "HANDOFF_DONE: Ban Giám đốc Sở hoàn thành phần việc (trước hạn)",
        "HANDOFF: Chuyển hồ sơ: Ban Giám đốc Sở → Văn phòng Sở",
        "STATUS: Đã xử lý xong",
        "HANDOFF_DONE: Văn phòng Sở hoàn thành phần việc (trước hạn)",
        "HANDOFF: Chuyển hồ sơ: Văn phòng Sở → Bộ phận Một cửa",
        "PAPER: Lập giấy tờ: Thông tin kết quả giải quyết số " + code + "/KQ-1",
        "STATUS: Đã trả kết quả",
        "HANDOFF_DONE: Bộ phận Một cửa hoàn thành phần việc (trước hạn)");

    // the pause: Tue 10:00-17:30, Wed, Thu 07:30-15:10 = 90 + 240 + 480 + 240 + 100 working minutes
    assertThat(story.get("pauses")).hasSize(1);
    assertThat(story.at("/pauses/0/workingMinutes").asLong()).isEqualTo(1150);
    assertThat(story.at("/pauses/0/workingDays").decimalValue()).isEqualByComparingTo("2.40");

    // documents received and papers issued, oldest first; each paper's link serves its PDF to the manager
    List<String> documents = new ArrayList<>();
    story.get("documents").forEach(d -> documents.add((d.get("issued").asBoolean() ? "ISSUED " : "RECEIVED ")
        + d.get("kind").asText() + " " + d.get("fileName").asText()));
    assertThat(documents).containsExactly(
        "ISSUED receipt Số " + code,
        "ISSUED supplement-request Số " + code + "/BS-1",
        "RECEIVED SUPPLEMENT danh-sach.pdf",
        "ISSUED result-copy Số " + code + "/KQ-1");
    assertThat(story.at("/documents/2/link").asText()).isEqualTo("/api/v1/dossiers/" + code + "/attachments/"
        + documentId);
    List<String> paperLinks = new ArrayList<>();
    story.get("timeline").forEach(e -> {
      if (e.get("kind").asText().equals("PAPER")) {
        paperLinks.add(e.get("link").asText());
      }
    });
    List<String> documentLinks = new ArrayList<>();
    story.get("documents").forEach(d -> {
      if (d.get("issued").asBoolean()) {
        documentLinks.add(d.get("link").asText());
      }
    });
    assertThat(paperLinks).isEqualTo(documentLinks).hasSize(3);
    for (String link : paperLinks) {
      byte[] paper = mvc.perform(get(link).with(httpBasic("quanly", "demo")))
          .andExpect(status().isOk())
          .andExpect(content().contentType("application/pdf"))
          .andReturn().getResponse().getContentAsByteArray();
      assertThat(new String(paper, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
    // a user who may not see the dossier gets none of them
    mvc.perform(get(paperLinks.get(0)).with(httpBasic("cv.thuongmai", "demo"))).andExpect(status().isNotFound());
    assertThat(story.get("handoffs").size()).isGreaterThanOrEqualTo(2);
    assertThat(story.at("/handoffs/0/fromUnitName").asText()).isEqualTo("Bộ phận Một cửa");

    // the procedure's model and its three called phases, all ended, each with its path
    List<String> keys = new ArrayList<>();
    story.get("diagrams").forEach(d -> keys.add(d.get("processDefinitionKey").asText()));
    assertThat(keys).containsExactly("electricityRetail", "reception", "divisionProcessing", "resultReturn");
    story.get("diagrams").forEach(d -> {
      assertThat(d.get("running").asBoolean()).isFalse();
      assertThat(d.get("current")).isEmpty();
    });
    List<String> rootPath = new ArrayList<>();
    story.at("/diagrams/0/path").forEach(s -> rootPath.add(s.get("activityId").asText()));
    assertThat(rootPath).containsSubsequence("reception", "divisionProcessing", "resultReturn");
    List<String> processing = new ArrayList<>();
    story.at("/diagrams/2/path").forEach(s -> processing.add(s.get("activityId").asText()));
    assertThat(processing).containsSubsequence("assignSpecialist", "appraiseDossier", "awaitAppraisalSupplement",
        "appraiseDossier", "approveResult");
  }

  @Test
  void aRunningDossierShowsWhereItIsAndOthersDoNotSeeIt() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-09T08:00"));
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");

    JsonNode story = story("quanly", code);
    assertThat(story.at("/facts/running").asBoolean()).isTrue();
    JsonNode processing = story.get("diagrams").get(2);
    assertThat(processing.get("processDefinitionKey").asText()).isEqualTo("divisionProcessing");
    List<String> current = new ArrayList<>();
    processing.get("current").forEach(c -> current.add(c.asText()));
    assertThat(current).contains("assignSpecialist");

    mvc.perform(get("/api/v1/dossiers/{code}/story", code).with(httpBasic("cv.nangluong", "demo")))
        .andExpect(status().isNotFound());
    // the trade division sees the dossier through its open task; the engine does not let it read the history
    JsonNode trade = story("tp.thuongmai", code);
    assertThat(trade.at("/facts/code").asText()).isEqualTo(code);
    assertThat(trade.get("diagrams")).isEmpty();
  }

  private JsonNode story(String user, String code) throws Exception {
    String body = mvc.perform(get("/api/v1/dossiers/{code}/story", code).with(httpBasic(user, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }
}
