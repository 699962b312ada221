package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Tổ chức, cá nhân nộp hồ sơ. Text may not hold markup or control characters. */
public record ApplicantData(
    @Schema(example = "Công ty TNHH Thương mại Hải Phòng", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank @Size(max = 255) @Pattern(regexp = OnlineText.PLAIN) String name,
    @Schema(description = "Số CCCD hoặc mã số doanh nghiệp", example = "0201234567")
    @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z]*") String idNumber,
    @Schema(example = "0912345678") @Size(max = 20) @Pattern(regexp = "[0-9+ ().-]*") String phone,
    @Schema(example = "lienhe@example.vn") @Size(max = 254) @Email String email,
    @Schema(example = "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng")
    @Size(max = 500) @Pattern(regexp = OnlineText.PLAIN) String address,
    @Schema(description = "Nhận thông báo qua: EMAIL, SMS (tin nhắn SMS, Zalo); không gửi trường này: cả hai",
        example = "[\"EMAIL\"]")
    Set<NotifyBy> notifyBy) {

  /** Kênh nhận thông báo. */
  public enum NotifyBy { EMAIL, SMS }

  /** Whether the applicant wants notifications on this channel (all channels when they did not say). */
  public boolean wants(NotifyBy channel) {
    return notifyBy == null || notifyBy.contains(channel);
  }
}
