package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen API (dịch vụ công trực tuyến): no account, rate limited per client address. A dossier is
 * followed with its code plus the lookup secret of the submission, sent in the {@value #SECRET} header
 * (not in the URL, so it stays out of access logs and browser history).
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Dịch vụ công trực tuyến", description = "Nộp, bổ sung, tra cứu, rút hồ sơ và nhận kết quả trực tuyến "
    + "(citizen endpoints, no account; rate limited per client address)")
public class OnlineDossierController {

  public static final String SECRET = "Dossier-Secret";

  private final OnlineDossierService service;

  public OnlineDossierController(OnlineDossierService service) {
    this.service = service;
  }

  @GetMapping("/procedures")
  @Operation(summary = "Thủ tục nhận hồ sơ trực tuyến (mức độ 3, 4) với thời hạn, phí và thành phần hồ sơ hiện hành")
  public List<ProcedureView> procedures() {
    return service.procedures();
  }

  @PostMapping(path = "/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Nộp hồ sơ trực tuyến",
      description = "multipart/form-data: part 'dossier' (application/json) and one or more parts 'files' "
          + "(PDF, JPEG or PNG). Answers the dossier code and the lookup secret, shown only here. A retry with the "
          + "same Idempotency-Key and the same request gets the same answer; with another request, 422.")
  @ApiResponse(responseCode = "201", description = "Hồ sơ đã được đăng ký")
  @ApiResponse(responseCode = "400", description = "Dữ liệu không hợp lệ", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "413", description = "Tệp quá lớn", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Loại tệp không được chấp nhận", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "Thủ tục không tồn tại, hoặc Idempotency-Key đã dùng cho yêu cầu khác",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<SubmitDossierResponse> submit(
      @Parameter(in = ParameterIn.HEADER, description = "Khóa chống nộp trùng (UUID ngẫu nhiên)")
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      @Valid @RequestPart("dossier") SubmitDossierRequest dossier,
      @Parameter(content = @Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(
          schema = @Schema(type = "string", format = "binary"))))
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    OnlineDossierService.Submitted submitted = service.submit(dossier, files, idempotencyKey);
    SubmitDossierResponse body = submitted.response();
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/public/dossiers/" + body.dossierCode()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (submitted.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(body);
  }

  @GetMapping("/dossiers/{code}")
  @Operation(summary = "Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu",
      description = "Trạng thái (mã 1–10 và tên), ngày tiếp nhận, ngày hẹn trả; khi đã giải quyết: kết quả và "
          + "trước hạn / đúng hạn / quá hạn. A wrong code or secret answers 404 either way.")
  @ApiResponse(responseCode = "404", description = "Không tìm thấy (mã hồ sơ hoặc mã tra cứu sai)",
      content = @Content(mediaType = "application/problem+json"))
  public DossierLookup lookup(@PathVariable String code, @RequestHeader(SECRET) String secret) {
    return service.lookup(code, secret);
  }

  @PostMapping(path = "/dossiers/{code}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Nộp hồ sơ bổ sung (chỉ khi trạng thái 5 - yêu cầu bổ sung)",
      description = "multipart/form-data: parts 'files' and an optional part 'supplement' (application/json).")
  @ApiResponse(responseCode = "409", description = "Hồ sơ không ở trạng thái yêu cầu bổ sung",
      content = @Content(mediaType = "application/problem+json"))
  public SupplementResponse supplement(@PathVariable String code, @RequestHeader(SECRET) String secret,
      @Valid @RequestPart(name = "supplement", required = false) SupplementRequest supplement,
      @Parameter(content = @Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(
          schema = @Schema(type = "string", format = "binary"))))
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    return service.supplement(code, secret, supplement, files);
  }

  @PostMapping(path = "/dossiers/{code}/withdrawal", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Rút hồ sơ (trước khi có kết quả: trạng thái 1, 2, 4 hoặc 5)")
  @ApiResponse(responseCode = "409", description = "Hồ sơ đã có kết quả hoặc đã kết thúc",
      content = @Content(mediaType = "application/problem+json"))
  public DossierLookup withdraw(@PathVariable String code, @RequestHeader(SECRET) String secret,
      @Valid @RequestBody(required = false) WithdrawRequest request) {
    return service.withdraw(code, secret, request);
  }

  @GetMapping(path = "/dossiers/{code}/result")
  @Operation(summary = "Tải kết quả giải quyết (mức độ 4, khi đã trả kết quả - trạng thái 10)")
  @ApiResponse(responseCode = "200", description = "Thông tin kết quả giải quyết (PDF, cùng nội dung mỗi lần tải)",
      content = @Content(mediaType = "application/pdf"))
  @ApiResponse(responseCode = "409", description = "Chưa trả kết quả, hoặc thủ tục nhận kết quả trực tiếp",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<byte[]> result(@PathVariable String code, @RequestHeader(SECRET) String secret) {
    ResultDocument document = service.result(code, secret);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document.content());
  }
}
