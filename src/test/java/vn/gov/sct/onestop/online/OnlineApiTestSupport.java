package vn.gov.sct.onestop.online;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import vn.gov.sct.onestop.EngineTestSupport;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The whole application (H2, or PostgreSQL in the build's second pass), with the demo users, called through
 * MockMvc. The engine's clock stands on Monday 2 March 2026, 09:00 in Hải Phòng, inside the calendar's
 * data. The rate limit is out of the way here; {@link RateLimitTest} tests it.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "onestop.online.rate-limit.capacity=1000000",
    "onestop.online.rate-limit.refill-per-minute=1000000"})
abstract class OnlineApiTestSupport extends EngineTestSupport {

  static final String PUBLIC = "/api/v1/public";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void standOnAMondayMorning() {
    clockAt("2026-03-02T09:00");
  }

  /** Valid values of each procedure's own fields, as its start form declares them (clock: 2 March 2026). */
  static final Map<String, String> VALID_FIELDS = Map.of(
      "promotion-registration", """
          {"promotionName": "Tri ân khách hàng", "promotionStart": "2026-04-01", "promotionEnd": "2026-04-30",
           "promotionArea": "Quận Lê Chân, Hải Phòng"}""",
      "petroleum-retail", """
          {"storeName": "Cửa hàng xăng dầu số 5", "storeAddress": "Km 5 đường 5, An Dương, Hải Phòng",
           "supplierName": "Công ty Xăng dầu Khu vực III"}""",
      "electricity-retail", """
          {"retailArea": "Xã Tân Tiến, An Dương, Hải Phòng", "customerCount": 320}""",
      "inspection-seal", """
          {"inspectionOrganisation": "Công ty Giám định Hải Phòng", "sealDescription": "Dấu tròn, đường kính 30 mm"}""");

  static String dossierJson(String procedure, String name) {
    return dossierJson(procedure, name, VALID_FIELDS.getOrDefault(procedure, VALID_FIELDS.get("promotion-registration")));
  }

  static String dossierJson(String procedure, String name, String fieldsJson) {
    return """
        {"procedureCode": "%s",
         "applicant": {"name": "%s", "idNumber": "0201234567", "phone": "0912345678",
                       "email": "lienhe@example.vn", "address": "Số 1 Lạch Tray, Hải Phòng"},
         "fields": %s}
        """.formatted(procedure, name, fieldsJson);
  }

  static MockMultipartFile dossierPart(String json) {
    return new MockMultipartFile("dossier", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
  }

  static MockMultipartFile file(String name, String type, byte[] content) {
    return new MockMultipartFile("files", name, type, content);
  }

  static MockMultipartFile pdf(String name) {
    return file(name, "application/pdf", PDF);
  }

  static MockMultipartHttpServletRequestBuilder submission(MockMultipartFile... parts) {
    MockMultipartHttpServletRequestBuilder request = multipart(PUBLIC + "/dossiers");
    for (MockMultipartFile part : parts) {
      request.file(part);
    }
    return request;
  }

  /** Submits a valid promotion dossier and answers {dossierCode, lookupSecret, ...}. */
  JsonNode submitValid(String applicant) throws Exception {
    MvcResult result = mvc.perform(submission(dossierPart(dossierJson("promotion-registration", applicant)),
            pdf("don-dang-ky.pdf"), file("the-le.png", "image/png", PNG)))
        .andReturn();
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError("Submission failed: " + result.getResponse().getStatus() + " "
          + result.getResponse().getContentAsString());
    }
    return json.readTree(result.getResponse().getContentAsByteArray());
  }

  static MockHttpServletRequestBuilder lookup(String code, String secret) {
    return get(PUBLIC + "/dossiers/{code}", code).header(OnlineDossierController.SECRET, secret);
  }

  JsonNode lookupBody(String code, String secret) throws Exception {
    MvcResult result = mvc.perform(lookup(code, secret)).andReturn();
    return json.readTree(result.getResponse().getContentAsByteArray());
  }

  /** Rows of our tables and the engine's runtime, to show that a refused request wrote nothing. */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : new String[] {"dossier", "dossier_attachment", "dossier_lookup_secret",
        "online_idempotency_key", "dossier_code_counter", "dossier_field_value", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_HI_PROCINST"}) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("counter_sum", jdbc.queryForObject("select coalesce(sum(last_number), 0) from dossier_code_counter",
        Long.class));
    return counts;
  }
}
