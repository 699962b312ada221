package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.attachment.AttachmentProperties;

/** The upload limits, public so that the applicant's page can show them before a file is chosen. */
@RestController
@Tag(name = "Dịch vụ công trực tuyến")
public class UploadLimitsController {

  private final UploadLimits limits;

  public UploadLimitsController(AttachmentProperties properties) {
    this.limits = UploadLimits.of(properties);
  }

  @GetMapping("/api/v1/public/upload-limits")
  @Operation(summary = "Loại tệp và dung lượng được phép khi nộp hồ sơ hoặc bổ sung")
  public UploadLimits limits() {
    return limits;
  }
}
