package vn.gov.sct.onestop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.gov.sct.onestop.DossierScenarioSupport;
import vn.gov.sct.onestop.dossier.DossierAccess;

/**
 * The managers' search over the registry, through the staff API as each demo user: filters, sorting, paging, bad
 * input, and, for every user, exactly the dossiers {@link DossierAccess} lets them see.
 */
@AutoConfigureMockMvc
class DossierSearchTest extends DossierScenarioSupport {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DossierAccess access;

  /** Unique to this run, so other tests' dossiers in the shared database stay out of the counts. */
  private final String token = "Tra Cứu " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String idNumber = "0" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

  private String returned;    // promotion, trade management, result returned (status 10)
  private String inAppraisal; // electricity, energy management, waiting for its specialist
  private String refused;     // promotion, refused at reception (status 3)

  @BeforeEach
  void threeDossiers() {
    returned = start("promotionRegistration", "2026-03-02T08:00", "Công ty TNHH " + token + " Biển Xanh");
    complete(returned, "checkCompleteness", "receptionDecision", "ACCEPT");
    complete(returned, "assignSpecialist", "specialist", "cv.thuongmai");
    complete(returned, "appraiseDossier", "appraisalProposal", "APPROVE");
    complete(returned, "approveResult", "leaderDecision", "APPROVE");
    complete(returned, "issueResult", "documentNumber", "12/GXN-SCT");
    complete(returned, "returnResult");

    inAppraisal = start("electricityRetail", "2026-03-03T09:00", "Hợp tác xã " + token + " Điện Lực");
    complete(inAppraisal, "checkCompleteness", "receptionDecision", "ACCEPT");
    complete(inAppraisal, "assignSpecialist", "specialist", "cv.nangluong");

    refused = start("promotionRegistration", "2026-03-04T10:00", "Hộ kinh doanh " + token + " An Phát");
    complete(refused, "checkCompleteness", "receptionDecision", "REFUSE", "receptionNote", "Không thuộc thẩm quyền");
  }

  private String start(String processKey, String localTime, String applicant) {
    clockAt(at(localTime));
    Map<String, Object> vars = new HashMap<>();
    vars.put("applicantName", applicant);
    vars.put("applicantIdNumber", idNumber);
    vars.put("applicantPhone", "0225 3842 001");
    return runtime.startProcessInstanceByKey(processKey, vars).getBusinessKey();
  }

  @Test
  void filtersNarrowTheDossiersOfAnyStatus() throws Exception {
    assertThat(codes("quanly", "applicant", token.toLowerCase())).containsExactlyInAnyOrder(returned, inAppraisal,
        refused);
    assertThat(codes("quanly", "idNumber", idNumber)).containsExactlyInAnyOrder(returned, inAppraisal, refused);
    assertThat(codes("quanly", "applicant", token, "status", "10")).containsExactly(returned);
    assertThat(codes("quanly", "applicant", token, "status", "3")).containsExactly(refused);
    assertThat(codes("quanly", "applicant", token, "procedure", "electricity-retail")).containsExactly(inAppraisal);
    assertThat(codes("quanly", "applicant", token, "division", "trade-management"))
        .containsExactlyInAnyOrder(returned, refused);
    assertThat(codes("quanly", "applicant", token, "channel", "counter")).hasSize(3);
    assertThat(codes("quanly", "applicant", token, "channel", "ONLINE")).isEmpty();
    assertThat(codes("quanly", "applicant", token, "from", "2026-03-03", "to", "2026-03-03"))
        .containsExactly(inAppraisal);
    assertThat(codes("quanly", "code", returned.toLowerCase())).containsExactly(returned);
    assertThat(codes("quanly", "code", returned.substring(0, returned.length() - 1), "idNumber", idNumber))
        .contains(returned);

    JsonNode first = page("quanly", "applicant", token, "status", "10");
    assertThat(first.at("/items/0/statusLabel").asText()).isEqualTo("Đã trả kết quả");
    assertThat(first.at("/items/0/procedureName").asText()).isEqualTo("Đăng ký thực hiện khuyến mại");
    assertThat(first.at("/items/0/timelinessLabel").asText()).isEqualTo("trước hạn");
    assertThat(first.at("/items/0/completedAt").isNull()).isFalse();
  }

  @Test
  void sortsAndPages() throws Exception {
    assertThat(codes("quanly", "applicant", token)).containsExactly(refused, inAppraisal, returned);
    assertThat(codes("quanly", "applicant", token, "sort", "registeredAt,asc"))
        .containsExactly(returned, inAppraisal, refused);
    assertThat(codes("quanly", "applicant", token, "sort", "applicant,asc"))
        .containsExactly(returned, refused, inAppraisal); // Công < Hộ < Hợp
    JsonNode page0 = page("quanly", "applicant", token, "sort", "registeredAt,asc", "size", "2");
    JsonNode page1 = page("quanly", "applicant", token, "sort", "registeredAt,asc", "size", "2", "page", "1");
    assertThat(page0.get("total").asLong()).isEqualTo(3);
    assertThat(page0.get("items")).hasSize(2);
    assertThat(page1.get("items")).hasSize(1);
    assertThat(page1.at("/items/0/code").asText()).isEqualTo(refused);
    JsonNode pastTheEnd = page("quanly", "applicant", token, "size", "2", "page", "2");
    assertThat(pastTheEnd.get("items")).isEmpty();
    assertThat(pastTheEnd.get("total").asLong()).isEqualTo(3);
    // a dossier without a receipt (refused) sorts last, whatever the direction
    assertThat(codes("quanly", "applicant", token, "sort", "receivedAt,desc")).endsWith(refused);
    assertThat(codes("quanly", "applicant", token, "sort", "receivedAt,asc")).endsWith(refused);
  }

  @Test
  void eachUserFindsExactlyTheDossiersTheEngineLetsThemSee() throws Exception {
    for (String user : List.of("quanly", "giamdoc", "motcua", "cv.thuongmai", "tp.thuongmai", "cv.nangluong",
        "tp.nangluong", "vanphong")) {
      asUser(user);
      List<String> visible = new ArrayList<>();
      for (String code : List.of(returned, inAppraisal, refused)) {
        if (access.canSee(code)) {
          visible.add(code);
        }
      }
      identityService.clearAuthentication();
      assertThat(codes(user, "applicant", token)).as("what %s finds", user).containsExactlyInAnyOrderElementsOf(visible);
    }
    // spelled out: the managers see all three, energy management its open dossier only, trade management nothing
    assertThat(codes("quanly", "applicant", token)).hasSize(3);
    assertThat(codes("cv.nangluong", "applicant", token)).containsExactly(inAppraisal);
    assertThat(codes("tp.thuongmai", "applicant", token)).isEmpty();
  }

  @Test
  void badCriteriaAreNamedInOneProblem() throws Exception {
    mvc.perform(get("/api/v1/dossiers").param("status", "11").param("sort", "fee,up").param("size", "500")
            .param("from", "2026-13-01").param("colour", "red").with(httpBasic("quanly", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:onestop:problem:search-invalid"))
        .andExpect(jsonPath("$.title").value("Điều kiện tra cứu không hợp lệ"))
        .andExpect(jsonPath("$.errors.length()").value(5))
        .andExpect(jsonPath("$.errors[?(@.field == 'status')].message")
            .value("trạng thái phải là mã từ 1 đến 10, không phải '11'"));
    mvc.perform(get("/api/v1/dossiers").param("channel", "fax").header("Accept-Language", "en")
            .with(httpBasic("quanly", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"))
        .andExpect(jsonPath("$.errors[0].message").value("channel must be ONLINE, COUNTER or POSTAL, not 'fax'"));
    mvc.perform(get("/api/v1/dossiers")).andExpect(status().isUnauthorized());
  }

  private List<String> codes(String user, String... params) throws Exception {
    List<String> codes = new ArrayList<>();
    page(user, params).get("items").forEach(item -> codes.add(item.get("code").asText()));
    return codes;
  }

  private JsonNode page(String user, String... params) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/v1/dossiers").with(httpBasic(user, "demo"));
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    return json.readTree(body);
  }
}
