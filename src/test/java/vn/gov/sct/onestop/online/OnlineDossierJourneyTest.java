package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import vn.gov.sct.onestop.paper.PdfChecks;

/**
 * A promotion dossier's whole online life: submitted on Monday 2 March 2026, asked to supplement by the
 * clerk, supplemented online, accepted, asked again by the specialist, supplemented online again,
 * approved, signed, issued and returned; the applicant sees each
 * status through the lookup and downloads the result at the end.
 */
class OnlineDossierJourneyTest extends OnlineApiTestSupport {

  /** What every decision of the models needs, whichever task asks for it. */
  static final Map<String, Object> DECISIONS = Map.of(
      "receptionDecision", "ACCEPT",
      "specialist", "cv.thuongmai",
      "appraisalProposal", "APPROVE",
      "leaderDecision", "APPROVE",
      "documentNumber", "125/XNKM-SCT");

  TaskService tasks;

  @org.junit.jupiter.api.BeforeEach
  void services() {
    tasks = taskService;
  }

  @Test
  void submittedSupplementedApprovedReturnedAndDownloaded() throws Exception {
    JsonNode submitted = submitValid("Công ty Cổ phần Cảng Xanh");
    String code = submitted.get("dossierCode").asText();
    String secret = submitted.get("lookupSecret").asText();
    assertThat(statusOf(code, secret)).isEqualTo(1);

    // the clerk finds the dossier incomplete
    Task check = openTask(code, "checkCompleteness");
    tasks.complete(check.getId(), Map.of("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung thể lệ chương trình có chữ ký"));
    assertThat(statusOf(code, secret)).isEqualTo(5);
    assertThat(lookupBody(code, secret).at("/status/label").asText()).isEqualTo("Yêu cầu bổ sung hồ sơ");

    // a withdrawal is possible now, but the applicant supplements instead
    mvc.perform(multipart(PUBLIC + "/dossiers/{code}/supplements", code)
            .file(new org.springframework.mock.web.MockMultipartFile("supplement", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"note\": \"Gửi thể lệ đã ký\"}".getBytes(StandardCharsets.UTF_8)))
            .file(pdf("the-le-da-ky.pdf"))
            .header(OnlineDossierController.SECRET, secret))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status.code").value(1))
        .andExpect(jsonPath("$.attachments[0].kind").value("SUPPLEMENT"));
    Task recheck = openTask(code, "checkCompleteness");
    String ids = tasks.getVariable(recheck.getId(), "attachmentIds").toString();
    assertThat(ids.split(",")).hasSize(3);
    assertThat(tasks.getVariable(recheck.getId(), "supplementNote")).isEqualTo("Gửi thể lệ đã ký");
    // a second supplement is refused: none is requested any more
    mvc.perform(multipart(PUBLIC + "/dossiers/{code}/supplements", code).file(pdf("again.pdf"))
            .header(OnlineDossierController.SECRET, secret))
        .andExpect(status().isConflict());

    // the clerk accepts; the specialist needs one more document during appraisal
    tasks.complete(recheck.getId(), Map.of("receptionDecision", "ACCEPT"));
    assertThat(statusOf(code, secret)).isIn(2, 4);
    tasks.complete(openTask(code, "assignSpecialist").getId(), Map.of("specialist", "cv.thuongmai"));
    assertThat(statusOf(code, secret)).isEqualTo(4);
    tasks.complete(openTask(code, "appraiseDossier").getId(), Map.of("appraisalProposal", "SUPPLEMENT",
        "appraisalNote", "Bổ sung mẫu phiếu dự thưởng"));
    assertThat(statusOf(code, secret)).isEqualTo(5);
    mvc.perform(multipart(PUBLIC + "/dossiers/{code}/supplements", code)
            .file(file("phieu-du-thuong.jpg", "image/jpeg", JPEG))
            .header(OnlineDossierController.SECRET, secret))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status.code").value(4));
    assertThat(openTask(code, "appraiseDossier")).isNotNull();

    // every later step decides in favour
    List<Integer> seen = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (int guard = 0; guard < 20; guard++) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(code).active().list();
      if (open.isEmpty()) {
        break;
      }
      Task task = open.get(0);
      steps.add(task.getTaskDefinitionKey());
      tasks.complete(task.getId(), DECISIONS);
      int now = statusOf(code, secret);
      if (seen.isEmpty() || seen.get(seen.size() - 1) != now) {
        seen.add(now);
      }
    }
    assertThat(steps).startsWith("appraiseDossier").endsWith("returnResult").contains("approveResult", "issueResult");
    assertThat(seen).containsSubsequence(9, 10);

    JsonNode finished = lookupBody(code, secret);
    assertThat(finished.at("/status/code").asInt()).isEqualTo(10);
    assertThat(finished.at("/status/label").asText()).isEqualTo("Đã trả kết quả");
    assertThat(finished.at("/receivedAt").isNull()).isFalse();
    assertThat(finished.at("/dueAt").isNull()).isFalse();
    assertThat(finished.at("/result/outcome").asText()).isEqualTo("APPROVED");
    assertThat(finished.at("/result/timeliness").asText()).isIn("EARLY", "ON_TIME");
    assertThat(finished.at("/result/documentAvailable").asBoolean()).isTrue();

    byte[] document = mvc.perform(get(PUBLIC + "/dossiers/{code}/result", code)
            .header(OnlineDossierController.SECRET, secret))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"result-copy-" + code + ".pdf\""))
        .andReturn().getResponse().getContentAsByteArray();
    PdfChecks result = PdfChecks.of(document);
    result.assertFontsEmbeddedAndNoGlyphMissing();
    assertThat(result.text()).contains("125/XNKM-SCT", code, "Đăng ký thực hiện khuyến mại",
        "Công ty Cổ phần Cảng Xanh", "Chấp thuận");
    // the same copy under the papers' public address; both supplement requests (reception, appraisal) were issued
    assertThat(mvc.perform(get(PUBLIC + "/dossiers/{code}/documents/result-copy", code)
            .header(OnlineDossierController.SECRET, secret)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray()).isEqualTo(document);
    PdfChecks supplement = PdfChecks.of(mvc.perform(get(PUBLIC + "/dossiers/{code}/documents/supplement-request", code)
            .header(OnlineDossierController.SECRET, secret)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray());
    assertThat(supplement.text()).contains(code + "/BS-2", "thẩm định", "Bổ sung mẫu phiếu dự thưởng");
    PdfChecks receipt = PdfChecks.of(mvc.perform(get(PUBLIC + "/dossiers/{code}/documents/receipt", code)
            .header(OnlineDossierController.SECRET, secret)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray());
    assertThat(receipt.text()).contains("Hình thức nộp: Trực tuyến", "don-dang-ky.pdf", "Bản điện tử",
        "mã đã được cấp khi nộp hồ sơ trực tuyến");

    // decided and returned: no withdrawal any more
    mvc.perform(post(PUBLIC + "/dossiers/{code}/withdrawal", code).header(OnlineDossierController.SECRET, secret))
        .andExpect(status().isConflict());
  }

  private int statusOf(String code, String secret) throws Exception {
    return lookupBody(code, secret).at("/status/code").asInt();
  }
}
