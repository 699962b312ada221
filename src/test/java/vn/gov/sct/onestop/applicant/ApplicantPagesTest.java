package vn.gov.sct.onestop.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The applicant's pages are public, strict about what they run, and change nothing for the staff endpoints; the
 * upload limits they show are the settings the API checks. (Same context as the online API's tests.)
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "onestop.online.rate-limit.capacity=1000000",
    "onestop.online.rate-limit.refill-per-minute=1000000"})
class ApplicantPagesTest extends EngineTestSupport {

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "nop-ho-so.html", "tra-cuu.html", "app.js", "dich-vu-cong.css"})
  void pages_are_public_with_a_strict_content_security_policy(String file) throws Exception {
    mvc.perform(get("/dich-vu-cong/" + file))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", ApplicantPages.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void short_addresses_open_the_pages_and_the_receipts_qr_address_is_one_of_them() throws Exception {
    mvc.perform(get("/dich-vu-cong/")).andExpect(forwardedUrl("/dich-vu-cong/index.html"));
    mvc.perform(get("/dich-vu-cong/nop-ho-so").param("thu-tuc", "promotion-registration"))
        .andExpect(forwardedUrl("/dich-vu-cong/nop-ho-so.html"));
    // the QR code of every receipt holds onestop.papers.lookup-url?ma=CODE
    mvc.perform(get("/dich-vu-cong/tra-cuu").param("ma", "H15.50-260302-0001"))
        .andExpect(status().isOk())
        .andExpect(forwardedUrl("/dich-vu-cong/tra-cuu.html"));
  }

  @Test
  void staff_endpoints_stay_closed() throws Exception {
    mvc.perform(get("/api/v1/dossiers/H15.50-260302-0001/attachments")).andExpect(status().isUnauthorized());
    mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
  }

  /** The CSP forbids inline code: a page that brought some back would silently stop working. */
  @ParameterizedTest
  @ValueSource(strings = {"index.html", "nop-ho-so.html", "tra-cuu.html"})
  void pages_hold_no_inline_script_or_style_and_are_vietnamese(String file) throws IOException {
    String html = new ClassPathResource("static/dich-vu-cong/" + file).getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("<html lang=\"vi\">", "name=\"viewport\"");
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline script").isFalse();
    assertThat(Pattern.compile("\\s(style|on[a-z]+)=").matcher(html).find()).as("inline style or handler").isFalse();
    assertThat(html).doesNotContain("http://", "https://");
  }

  @Test
  void what_a_supplement_request_asks_needs_the_dossiers_secret() throws Exception {
    mvc.perform(get("/api/v1/public/dossiers/{code}/supplement-request", "H15.50-260302-0001")
            .header("Dossier-Secret", "not-the-secret-of-this-dossier"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"));
    mvc.perform(get("/api/v1/public/dossiers/{code}/supplement-request", "H15.50-260302-0001"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Dossier-Secret"));
  }

  @Test
  void upload_limits_are_the_settings_the_api_checks() throws Exception {
    mvc.perform(get("/api/v1/public/upload-limits"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mediaTypes[0]").value("application/pdf"))
        .andExpect(jsonPath("$.mediaTypes.length()").value(3))
        .andExpect(jsonPath("$.maxFileBytes").value(10L * 1024 * 1024))
        .andExpect(jsonPath("$.maxTotalBytes").value(30L * 1024 * 1024))
        .andExpect(jsonPath("$.maxFiles").value(20));
  }
}
