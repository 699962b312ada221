package vn.gov.sct.onestop.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.dossier.DossierAccess;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Staff read the documents of a dossier they may see in the engine ({@link DossierAccess}); otherwise 404, as
 * if the dossier did not exist.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{code}/attachments")
@Tag(name = "Cán bộ: tài liệu hồ sơ", description = "Staff endpoints (HTTP Basic, Camunda authorizations)")
@SecurityRequirement(name = "basic")
public class StaffAttachmentController {

  private final AttachmentStore store;
  private final DossierAccess access;

  public StaffAttachmentController(AttachmentStore store, DossierAccess access) {
    this.store = store;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "Danh sách tài liệu của hồ sơ")
  public List<Attachment> list(@PathVariable String code) {
    access.require(code);
    return store.list(code);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Tải một tài liệu của hồ sơ",
      description = "inline=true: mở trong trình duyệt (liên kết trong biểu mẫu công việc của Tasklist, đăng nhập "
          + "bằng phiên của ứng dụng web); mặc định: tải về.")
  public ResponseEntity<byte[]> content(@PathVariable String code, @PathVariable String id,
      @RequestParam(name = "inline", defaultValue = "false") boolean inline) {
    access.require(code);
    Attachment attachment = store.list(code).stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "attachment-not-found"));
    byte[] content = store.content(code, id).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Checksum-SHA256", attachment.sha256())
        // the browser takes the checked type (PDF, JPEG, PNG) as sent, never sniffs another
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }
}
