package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import vn.gov.sct.onestop.Sha256;

/** Every citizen endpoint and each of its error answers. */
class OnlineDossierApiTest extends OnlineApiTestSupport {

  RuntimeService runtime;
  TaskService tasks;

  @org.junit.jupiter.api.BeforeEach
  void services() {
    runtime = runtimeService;
    tasks = taskService;
  }

  @Test
  void listsTheOnlineProceduresWithTodaysDeadlineFeeAndDocuments() throws Exception {
    mvc.perform(get(PUBLIC + "/procedures"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
            "promotion-registration", "petroleum-retail", "electricity-retail", "inspection-seal")))
        .andExpect(jsonPath("$[1].feeVnd").value(1200000))
        .andExpect(jsonPath("$[0].code").value("promotion-registration"))
        .andExpect(jsonPath("$[0].onlineLevel").value(4))
        .andExpect(jsonPath("$[0].deadlineWorkingDays").value(4))
        .andExpect(jsonPath("$[0].deadlineEffectiveFrom").value("2018-01-01"))
        .andExpect(jsonPath("$[0].feeVnd").value(0))
        .andExpect(jsonPath("$[0].requiredDocuments[0]").value("Văn bản đăng ký thực hiện khuyến mại (theo mẫu)"));
  }

  @Test
  void aSubmissionRegistersTheDossierStartsReceptionAndAnswersCodeAndSecretOnce() throws Exception {
    var result = mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty TNHH Biển Xanh")),
            pdf("don.pdf"), file("anh.jpg", "image/jpeg", JPEG)))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern("/api/v1/public/dossiers/H15\\.50-260302-\\d{4}")))
        .andExpect(jsonPath("$.dossierCode").value(matchesPattern("H15\\.50-260302-\\d{4}")))
        .andExpect(jsonPath("$.lookupSecret").value(matchesPattern("[A-Za-z0-9_-]{43}")))
        .andExpect(jsonPath("$.status.code").value(1))
        .andExpect(jsonPath("$.status.label").value("Mới đăng ký"))
        .andExpect(jsonPath("$.attachments.length()").value(2))
        .andExpect(jsonPath("$.attachments[0].sha256").value(Sha256.hex(PDF)))
        .andReturn();
    JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
    String code = body.get("dossierCode").asText();
    String secret = body.get("lookupSecret").asText();

    assertThat(jdbc.queryForObject("select channel from dossier where code = ?", String.class, code)).isEqualTo("ONLINE");
    assertThat(jdbc.queryForObject("select secret_hash from dossier_lookup_secret where dossier_code = ?",
        String.class, code)).isEqualTo(Sha256.hex(secret)).isNotEqualTo(secret);
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(check.getTaskDefinitionKey()).isEqualTo("checkCompleteness");
    Object ids = tasks.getVariable(check.getId(), "attachmentIds");
    assertThat(ids.toString().split(",")).containsExactly(body.at("/attachments/0/id").asText(),
        body.at("/attachments/1/id").asText());
    assertThat(tasks.getVariable(check.getId(), "promotionName")).isEqualTo("Tri ân khách hàng");
    assertThat(tasks.getVariable(check.getId(), "channel")).isEqualTo("ONLINE");
  }

  @Test
  void theApplicantLooksUpStatusAndDatesAndNothingElse() throws Exception {
    JsonNode submitted = submitValid("Hộ kinh doanh Trần Văn A");
    String code = submitted.get("dossierCode").asText();
    mvc.perform(lookup(code, submitted.get("lookupSecret").asText()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dossierCode").value(code))
        .andExpect(jsonPath("$.status.code").value(1))
        .andExpect(jsonPath("$.status.label").value("Mới đăng ký"))
        .andExpect(jsonPath("$.procedureName").value("Đăng ký thực hiện khuyến mại"))
        .andExpect(jsonPath("$.applicant").doesNotExist())
        .andExpect(jsonPath("$.result").doesNotExist())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Trần Văn A"))));
  }

  @Test
  void aWrongSecretAGuessedCodeAndAnotherDossiersSecretAllAnswerTheSame404() throws Exception {
    JsonNode mine = submitValid("Công ty A");
    JsonNode theirs = submitValid("Công ty B");
    String code = theirs.get("dossierCode").asText();
    String guessed = code.substring(0, code.length() - 4) + "9999";
    String[][] attempts = {
        {code, mine.get("lookupSecret").asText()},
        {code, "x".repeat(43)},
        {code, ""},
        {guessed, mine.get("lookupSecret").asText()},
        {"H15.50-260302-0001' or '1'='1", "x"}};
    for (String[] attempt : attempts) {
      mvc.perform(lookup(attempt[0], attempt[1]))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:dossier-not-found"))
          .andExpect(jsonPath("$.detail").value("Không có hồ sơ với mã hồ sơ và mã tra cứu đã nhập."))
          .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Công ty B"))));
    }
    mvc.perform(get(PUBLIC + "/dossiers/../../etc/passwd").header(OnlineDossierController.SECRET, "x"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get(PUBLIC + "/dossiers/{code}/result", code).header(OnlineDossierController.SECRET, "nope"))
        .andExpect(status().isNotFound());
    mvc.perform(post(PUBLIC + "/dossiers/{code}/withdrawal", code).header(OnlineDossierController.SECRET, "nope"))
        .andExpect(status().isNotFound());
    mvc.perform(multipart(PUBLIC + "/dossiers/{code}/supplements", code).file(pdf("a.pdf"))
            .header(OnlineDossierController.SECRET, "nope"))
        .andExpect(status().isNotFound());
    assertThat(lookupBody(code, theirs.get("lookupSecret").asText()).at("/status/code").asInt()).isEqualTo(1);
  }

  @Test
  void aLookupWithoutTheSecretHeaderNamesTheHeader() throws Exception {
    mvc.perform(get(PUBLIC + "/dossiers/H15.50-260302-0001"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Dossier-Secret"));
  }

  @Nested
  class Errors {

    @Test
    void anUnknownProcedureIs422NamingTheField() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("petroleum-store", "Công ty A")), pdf("a.pdf")))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:unknown-procedure"))
          .andExpect(jsonPath("$.errors[0].field").value("procedureCode"));
    }

    @Test
    void aMissingApplicantNameIs400NamingTheFieldInVietnameseByDefaultAndEnglishOnRequest() throws Exception {
      String body = dossierJson("promotion-registration", "");
      mvc.perform(submission(dossierPart(body), pdf("a.pdf")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
          .andExpect(jsonPath("$.errors[*].field").value(hasItem("applicant.name")))
          .andExpect(jsonPath("$.errors[?(@.field == 'applicant.name')].message").value(hasItem("không được để trống")));
      mvc.perform(submission(dossierPart(body), pdf("a.pdf")).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.title").value("Invalid request"))
          .andExpect(jsonPath("$.errors[?(@.field == 'applicant.name')].message").value(hasItem("must not be blank")));
      mvc.perform(submission(dossierPart(body), pdf("a.pdf")).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
          .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"));
    }

    @Test
    void aMissingApplicantIs400() throws Exception {
      mvc.perform(submission(dossierPart("{\"procedureCode\": \"promotion-registration\"}"), pdf("a.pdf")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("applicant"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
      mvc.perform(submission(dossierPart("{\"procedureCode\": "), pdf("a.pdf")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:malformed-json"));
    }

    @Test
    void anUnknownFieldIs400NamingIt() throws Exception {
      mvc.perform(submission(dossierPart("{\"procedureCode\": \"promotion-registration\", \"applicant\": "
              + "{\"name\": \"A\", \"nickname\": \"x\"}}"), pdf("a.pdf")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("applicant.nickname"));
    }

    @Test
    void aMissingDossierPartIs400NamingThePart() throws Exception {
      mvc.perform(submission(pdf("a.pdf")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("dossier"));
    }

    @Test
    void noFileIs400() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A"))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("files"));
    }

    @Test
    void aWrongFileTypeIs415() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")), pdf("a.pdf"),
              file("run.exe", "application/x-msdownload", "MZ".getBytes())))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(jsonPath("$.errors[0].field").value("files[1]"));
    }

    @Test
    void aFileWhoseContentIsNotItsDeclaredTypeIs415() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")),
              file("fake.pdf", "application/pdf", "<html><script>alert(1)</script></html>".getBytes())))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:file.content-mismatch"))
          .andExpect(jsonPath("$.errors[0].field").value("files[0]"));
    }

    @Test
    void aFileOverTenMegabytesIs413() throws Exception {
      byte[] big = new byte[10 * 1024 * 1024 + 1];
      System.arraycopy(PDF, 0, big, 0, PDF.length);
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")), file("big.pdf", "application/pdf", big)))
          .andExpect(status().isPayloadTooLarge())
          .andExpect(jsonPath("$.errors[0].field").value("files[0]"));
    }

    @Test
    void filesOverTheDossierTotalAre413() throws Exception {
      byte[] nine = new byte[9 * 1024 * 1024];
      System.arraycopy(PDF, 0, nine, 0, PDF.length);
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")),
              file("1.pdf", "application/pdf", nine), file("2.pdf", "application/pdf", nine),
              file("3.pdf", "application/pdf", nine), file("4.pdf", "application/pdf", nine)))
          .andExpect(status().isPayloadTooLarge())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:file.total-too-large"))
          .andExpect(jsonPath("$.errors[0].field").value("files[3]"));
    }

    @Test
    void aPathInAFileNameIs400AndNeverAPath() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")), pdf("../../etc/passwd")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:file.bad-name"));
    }

    @Test
    void aJsonBodyInsteadOfMultipartIs415() throws Exception {
      mvc.perform(post(PUBLIC + "/dossiers").contentType(MediaType.APPLICATION_JSON)
              .content(dossierJson("promotion-registration", "A")))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownPathIs404ProblemAndAWrongMethodIs405() throws Exception {
      mvc.perform(get(PUBLIC + "/nothing-here")).andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:http.404"));
      mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(PUBLIC + "/procedures"))
          .andExpect(status().isMethodNotAllowed())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:http.405"));
    }
  }

  @Nested
  class Idempotency {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameDossierAndSecret() throws Exception {
      String key = java.util.UUID.randomUUID().toString();
      long before = jdbc.queryForObject("select count(*) from dossier", Long.class);
      var first = mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty Lặp Lại")),
              pdf("a.pdf")).header("Idempotency-Key", key))
          .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
      var second = mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty Lặp Lại")),
              pdf("a.pdf")).header("Idempotency-Key", key))
          .andExpect(status().isCreated())
          .andExpect(header().string("Idempotent-Replayed", "true"))
          .andReturn().getResponse().getContentAsString();
      assertThat(json.readTree(second)).isEqualTo(json.readTree(first));
      assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(before + 1);
      JsonNode body = json.readTree(first);
      mvc.perform(lookup(body.get("dossierCode").asText(), body.get("lookupSecret").asText())).andExpect(status().isOk());
      assertThat(jdbc.queryForObject("select count(*) from online_idempotency_key where key_hash = ?", Long.class,
          Sha256.hex(key))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() throws Exception {
      String key = java.util.UUID.randomUUID().toString();
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty Một")), pdf("a.pdf"))
          .header("Idempotency-Key", key)).andExpect(status().isCreated());
      Map<String, Long> before = rowCounts();
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty Hai")), pdf("a.pdf"))
              .header("Idempotency-Key", key))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "Công ty Một")), pdf("b.pdf"))
              .header("Idempotency-Key", key))
          .andExpect(status().isUnprocessableEntity());
      assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aShortOrOddKeyIs400() throws Exception {
      mvc.perform(submission(dossierPart(dossierJson("promotion-registration", "A")), pdf("a.pdf"))
              .header("Idempotency-Key", "1"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }
  }

  @Nested
  class StatusRules {

    @Test
    void aSupplementIsRefusedUnlessOneWasRequested() throws Exception {
      JsonNode d = submitValid("Công ty A");
      Map<String, Long> before = rowCounts();
      mvc.perform(multipart(PUBLIC + "/dossiers/{code}/supplements", d.get("dossierCode").asText()).file(pdf("b.pdf"))
              .header(OnlineDossierController.SECRET, d.get("lookupSecret").asText()))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:not-allowed-supplement"))
          .andExpect(jsonPath("$.detail").value(containsString("trạng thái 1 (Mới đăng ký)")));
      assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void withdrawalCancelsTheProcessAndMarksTheDossierWithdrawnOnce() throws Exception {
      JsonNode d = submitValid("Công ty Rút");
      String code = d.get("dossierCode").asText();
      String secret = d.get("lookupSecret").asText();
      mvc.perform(post(PUBLIC + "/dossiers/{code}/withdrawal", code).header(OnlineDossierController.SECRET, secret)
              .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Đổi kế hoạch khuyến mại\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status.code").value(7))
          .andExpect(jsonPath("$.status.label").value("Rút hồ sơ"))
          .andExpect(jsonPath("$.result.outcome").value("WITHDRAWN"));
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
      mvc.perform(post(PUBLIC + "/dossiers/{code}/withdrawal", code).header(OnlineDossierController.SECRET, secret))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:not-allowed-withdraw"));
    }

    @Test
    void theResultIsNotDownloadableBeforeItIsReturned() throws Exception {
      JsonNode d = submitValid("Công ty A");
      mvc.perform(get(PUBLIC + "/dossiers/{code}/result", d.get("dossierCode").asText())
              .header(OnlineDossierController.SECRET, d.get("lookupSecret").asText()))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:onestop:problem:not-allowed-result"));
    }
  }
}
