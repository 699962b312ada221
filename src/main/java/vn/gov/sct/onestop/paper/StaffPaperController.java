package vn.gov.sct.onestop.paper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.dossier.DossierAccess;
import vn.gov.sct.onestop.identity.StaffGroups;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Staff API: the one-stop papers of a dossier (each call checks {@link DossierAccess} first) and the tracking
 * book of a period. Tasklist's forms and the Cockpit dashboard link here; the web apps' session may read it.
 */
@RestController
@Tag(name = "Cán bộ: giấy tờ một cửa", description = "Giấy tiếp nhận, phiếu yêu cầu bổ sung, phiếu từ chối, văn bản "
    + "xin lỗi, phiếu kiểm soát, thông tin kết quả (PDF) và sổ theo dõi hồ sơ (PDF, XLSX). Staff endpoints (HTTP "
    + "Basic or the web apps' session, Camunda authorizations)")
public class StaffPaperController {

  /** Who keeps or reads the tracking book: it lists every dossier received in the period. */
  static final Set<String> BOOK_READERS = Set.of(StaffGroups.ONE_STOP, StaffGroups.MANAGERS, StaffGroups.BOARD,
      StaffGroups.ADMINS);

  private final DossierAccess access;
  private final IssuedPapers issued;
  private final Papers papers;
  private final ReportPapers reports;
  private final IdentityService identity;

  public StaffPaperController(DossierAccess access, IssuedPapers issued, Papers papers, ReportPapers reports,
      IdentityService identity) {
    this.access = access;
    this.issued = issued;
    this.papers = papers;
    this.reports = reports;
    this.identity = identity;
  }

  @GetMapping(value = "/api/v1/dossiers/{code}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Giấy tờ đã lập của hồ sơ",
      description = "Every issued paper of the dossier, oldest first; the control slip is always available at "
          + "documents/control-slip.")
  @ApiResponse(responseCode = "404", description = "Không có hồ sơ, hoặc không có quyền xem",
      content = @Content(mediaType = "application/problem+json"))
  public List<PaperView> list(@PathVariable String code) {
    access.require(code);
    return issued.views(code);
  }

  @GetMapping("/api/v1/dossiers/{code}/documents/{kind}")
  @Operation(summary = "Tải giấy tờ của hồ sơ (PDF)",
      description = "kind: receipt, supplement-request, refusal, apology, result-copy (as issued; n picks one of "
          + "several, default the latest) or control-slip (the handoffs so far).")
  @ApiResponse(responseCode = "200", description = "PDF/A-2u", content = @Content(mediaType = "application/pdf"))
  @ApiResponse(responseCode = "404", description = "Không có hồ sơ, không có quyền xem, hoặc chưa lập văn bản",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> paper(@PathVariable String code, @PathVariable String kind,
      @Parameter(description = "Số thứ tự của văn bản cùng loại (1, 2, ...)") @RequestParam(name = "n", required = false)
      Integer seq) {
    access.require(code);
    PaperKind k = PaperDownloads.kind(kind);
    if (k == PaperKind.CONTROL_SLIP) {
      return PaperDownloads.download(reports.controlSlip(code));
    }
    return PaperDownloads.download(papers.issued(code, k, seq).orElseThrow(() -> PaperDownloads.notIssued(k)));
  }

  @GetMapping("/api/v1/documents/tracking-book")
  @Operation(summary = "Sổ theo dõi hồ sơ của một kỳ (PDF hoặc XLSX)",
      description = "Every dossier received from 'from' to 'to' (inclusive, at most 366 days). For the one-stop "
          + "section, the board and managers.")
  @ApiResponse(responseCode = "200", description = "PDF or XLSX",
      content = {@Content(mediaType = "application/pdf"), @Content(mediaType = RenderedPaper.XLSX)})
  @ApiResponse(responseCode = "400", description = "Kỳ không hợp lệ", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Không có quyền", content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> trackingBook(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "pdf (mặc định) hoặc xlsx") @RequestParam(defaultValue = "pdf") String format) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(BOOK_READERS::contains)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "tracking-book-forbidden");
    }
    if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > 366) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "tracking-book-period-invalid", "from", from, to);
    }
    if (!format.equals("pdf") && !format.equals("xlsx")) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "paper-format", "format", format);
    }
    return PaperDownloads.download(format.equals("xlsx") ? reports.trackingBookXlsx(from, to)
        : reports.trackingBookPdf(from, to));
  }
}
