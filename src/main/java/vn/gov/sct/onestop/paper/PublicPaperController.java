package vn.gov.sct.onestop.paper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.online.LookupSecrets;
import vn.gov.sct.onestop.online.OnlineDossierController;
import vn.gov.sct.onestop.online.OnlineDossierService;

/**
 * Citizen API: the applicant's papers, with the dossier code and the lookup secret (online: the one of the
 * submission; counter: the one printed on the receipt). The result copy follows the result download's rule
 * (level 4, result returned).
 */
@RestController
@Tag(name = "Dịch vụ công trực tuyến")
public class PublicPaperController {

  private final LookupSecrets secrets;
  private final Papers papers;
  private final OnlineDossierService online;

  public PublicPaperController(LookupSecrets secrets, Papers papers, OnlineDossierService online) {
    this.secrets = secrets;
    this.papers = papers;
    this.online = online;
  }

  @GetMapping("/api/v1/public/dossiers/{code}/documents/{kind}")
  @Operation(summary = "Tải giấy tờ của hồ sơ (PDF) bằng mã hồ sơ và mã tra cứu",
      description = "kind: receipt, supplement-request, refusal, apology or result-copy; the latest of its kind. "
          + "A wrong code or secret answers 404 either way.")
  @ApiResponse(responseCode = "200", description = "PDF/A-2u", content = @Content(mediaType = "application/pdf"))
  @ApiResponse(responseCode = "404", description = "Mã hồ sơ hoặc mã tra cứu sai, hoặc chưa lập văn bản",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> paper(@PathVariable String code, @PathVariable String kind,
      @RequestHeader(OnlineDossierController.SECRET) String secret) {
    secrets.verify(code, secret);
    PaperKind k = PaperDownloads.kind(kind);
    if (!k.applicantCopy() || !k.issued()) {
      throw PaperDownloads.notIssued(k);
    }
    if (k == PaperKind.RESULT_COPY) {
      var result = online.result(code, secret);
      return PaperDownloads.download(new RenderedPaper(result.fileName(), result.contentType(), result.content()));
    }
    return PaperDownloads.download(papers.issued(code, k, null).orElseThrow(() -> PaperDownloads.notIssued(k)));
  }
}
