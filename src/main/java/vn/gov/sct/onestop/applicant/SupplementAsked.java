package vn.gov.sct.onestop.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.online.LookupSecrets;
import vn.gov.sct.onestop.online.OnlineDossierController;
import vn.gov.sct.onestop.paper.IssuedPaper;
import vn.gov.sct.onestop.paper.IssuedPapers;
import vn.gov.sct.onestop.paper.PaperKind;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * What the latest supplement request asks (nội dung yêu cầu bổ sung), for the lookup page to show in words next
 * to the upload: read from the paper's frozen data, so the page says exactly what the PDF says.
 */
@RestController
@Tag(name = "Dịch vụ công trực tuyến")
public class SupplementAsked {

  /**
   * @param number the paper's number, e.g. {@code H15.50-260302-0001/BS-1}
   * @param stage "tiếp nhận" or "thẩm định"
   * @param note what is asked, in the clerk's or the specialist's words
   * @param deadline the last day to supplement (dd/MM/yyyy, as printed)
   */
  public record Asked(String number, Instant issuedAt, String stage, String note, String deadline) {}

  private final LookupSecrets secrets;
  private final IssuedPapers papers;
  private final ObjectMapper json;

  public SupplementAsked(LookupSecrets secrets, IssuedPapers papers, ObjectMapper json) {
    this.secrets = secrets;
    this.papers = papers;
    this.json = json;
  }

  @GetMapping("/api/v1/public/dossiers/{code}/supplement-request")
  @Operation(summary = "Nội dung yêu cầu bổ sung hồ sơ gần nhất (bằng mã hồ sơ và mã tra cứu)")
  @ApiResponse(responseCode = "404", description = "Mã hồ sơ hoặc mã tra cứu sai, hoặc chưa có yêu cầu bổ sung",
      content = @Content(mediaType = "application/problem+json"))
  public Asked latest(@PathVariable String code, @RequestHeader(OnlineDossierController.SECRET) String secret) {
    secrets.verify(code, secret);
    IssuedPaper paper = papers.find(code, PaperKind.SUPPLEMENT_REQUEST, null)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "paper-not-found", "văn bản", "supplement-request"));
    try {
      JsonNode data = json.readTree(paper.data());
      return new Asked(paper.number(), paper.issuedAt(), data.path("stage").asText(null),
          data.path("note").asText(null), data.path("supplementDeadline").asText(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
