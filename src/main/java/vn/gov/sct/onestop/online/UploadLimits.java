package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import vn.gov.sct.onestop.attachment.AllowedType;
import vn.gov.sct.onestop.attachment.AttachmentProperties;

/**
 * What an applicant may upload, said before the upload: the file types and the sizes that
 * {@link vn.gov.sct.onestop.attachment.AttachmentPolicy} checks (the same settings, read from one place).
 */
@Schema(description = "Giới hạn tệp đính kèm")
public record UploadLimits(
    @Schema(example = "[\"application/pdf\", \"image/jpeg\", \"image/png\"]") List<String> mediaTypes,
    @Schema(description = "Dung lượng tối đa của một tệp (byte)", example = "10485760") long maxFileBytes,
    @Schema(description = "Dung lượng tối đa của mọi tệp của một hồ sơ, kể cả bổ sung (byte)") long maxTotalBytes,
    @Schema(description = "Số tệp tối đa trong một lần gửi", example = "20") int maxFiles) {

  static UploadLimits of(AttachmentProperties properties) {
    return new UploadLimits(Arrays.stream(AllowedType.values()).map(AllowedType::mediaType).toList(),
        properties.maxFileSize().toBytes(), properties.maxTotalSize().toBytes(), properties.maxFiles());
  }
}
