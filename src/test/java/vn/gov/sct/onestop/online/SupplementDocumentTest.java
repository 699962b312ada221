package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.review.DossierView;
import vn.gov.sct.onestop.story.DossierStory;
import vn.gov.sct.onestop.story.DossierStoryService;

/**
 * A supplement says which required document it completes: the applicant names, per file, one of the procedure's
 * required documents (or none); a name the catalog does not have is refused naming the entry and nothing is
 * written; the clerk's next completeness check lists each file under the document it completes, the others under
 * "Bổ sung khác", and the dossier's story says it too.
 */
class SupplementDocumentTest extends OnlineApiTestSupport {

  static final String RULES = "Thể lệ chương trình khuyến mại (theo mẫu)";

  @Autowired AttachmentStore attachments;
  @Autowired DossierStoryService stories;

  @Test
  void eachSupplementFileIsListedBesideTheDocumentItCompletes() throws Exception {
    clockAt("2026-03-02T09:00");
    JsonNode submitted = submitValid("Công ty TNHH Biển Xanh");
    String code = submitted.get("dossierCode").asText();
    String secret = submitted.get("lookupSecret").asText();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "SUPPLEMENT",
        "receptionNote", "Bổ sung thể lệ có chữ ký"));
    int before = attachments.list(code).size();

    // a document the procedure does not require: 400 naming the entry, in Vietnamese and in English
    mvc.perform(supplement(code, secret, "{\"completes\": [\"Giấy phép xây dựng\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:supplement-document"))
        .andExpect(jsonPath("$.errors[0].field").value("supplement.completes[0]"))
        .andExpect(jsonPath("$.errors[0].message").value(
            org.hamcrest.Matchers.startsWith("không phải thành phần hồ sơ của thủ tục; các thành phần: ")))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(RULES)));
    mvc.perform(supplement(code, secret, "{\"completes\": [\"Giấy phép xây dựng\"]}")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Supplement does not match a required document"));
    // more entries than files
    mvc.perform(supplement(code, secret, "{\"completes\": [null, null, null]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("supplement.completes")));
    assertThat(attachments.list(code)).as("nothing written").hasSize(before);
    assertThat(openTask(code, "awaitSupplement")).isNotNull();

    // the rules' new version completes the rules; the other file says nothing
    clockAt("2026-03-03T10:15");
    mvc.perform(supplement(code, secret, "{\"note\": \"Gửi thể lệ đã ký\", \"completes\": [\" " + RULES + " \", \"\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.attachments[0].completesDocument").value(RULES))
        .andExpect(jsonPath("$.attachments[1].completesDocument").value(org.hamcrest.Matchers.nullValue()));
    Map<String, Attachment> byName = new java.util.HashMap<>();
    attachments.list(code).forEach(a -> byName.put(a.fileName(), a));
    assertThat(byName.get("the-le-da-ky.pdf").completesDocument()).isEqualTo(RULES);
    assertThat(byName.get("phu-luc.pdf").completesDocument()).isNull();
    assertThat(byName.get("don-dang-ky.pdf").completesDocument()).isNull();

    // the clerk's next check: submitted files, then the rules with their supplement, then the others
    String documents = (String) taskService.getVariableLocal(openTask(code, "checkCompleteness").getId(),
        DossierView.DOCUMENTS);
    // (the cell escapes Markdown's brackets)
    int rulesHeading = documents.indexOf("| **" + RULES.replace("(", "\\(").replace(")", "\\)") + "** | | | |");
    int otherHeading = documents.indexOf("| **Bổ sung khác** | | | |");
    assertThat(documents.indexOf("don-dang-ky.pdf")).isPositive().isLessThan(rulesHeading);
    assertThat(rulesHeading).isLessThan(documents.indexOf("the-le-da-ky.pdf"));
    assertThat(documents.indexOf("the-le-da-ky.pdf")).isLessThan(otherHeading);
    assertThat(otherHeading).isLessThan(documents.indexOf("phu-luc.pdf"));
    assertThat(documents).contains("| ↳ <a href=\"/api/v1/dossiers/" + code + "/attachments/"
        + byName.get("the-le-da-ky.pdf").id() + "?inline=true\" target=\"_blank\">the-le-da-ky.pdf</a> | Bổ sung |");

    // the story names the document too
    DossierStory story = stories.story(code);
    assertThat(story.documents()).filteredOn(d -> "the-le-da-ky.pdf".equals(d.fileName()))
        .extracting(DossierStory.Document::kindLabel).containsExactly("Hồ sơ bổ sung cho: " + RULES);
    assertThat(story.documents()).filteredOn(d -> "phu-luc.pdf".equals(d.fileName()))
        .extracting(DossierStory.Document::kindLabel).containsExactly("Hồ sơ bổ sung khác");
  }

  private static MockMultipartHttpServletRequestBuilder supplement(String code, String secret, String json) {
    return (MockMultipartHttpServletRequestBuilder) multipart(PUBLIC + "/dossiers/{code}/supplements", code)
        .file(new MockMultipartFile("supplement", "", MediaType.APPLICATION_JSON_VALUE,
            json.getBytes(StandardCharsets.UTF_8)))
        .file(pdf("the-le-da-ky.pdf")).file(pdf("phu-luc.pdf"))
        .header(OnlineDossierController.SECRET, secret);
  }
}
