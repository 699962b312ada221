package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.gov.sct.onestop.form.FormField;

/** A procedure an applicant can submit online, with the deadline in force today. */
@Schema(description = "Thủ tục nhận hồ sơ trực tuyến (mức độ 3 hoặc 4)")
public record ProcedureView(
    @Schema(example = "promotion-registration") String code,
    String nationalCode,
    @Schema(example = "Đăng ký thực hiện khuyến mại") String nameVi,
    @Schema(example = "Promotion registration") String nameEn,
    @Schema(description = "3: nộp trực tuyến, nhận kết quả trực tiếp; 4: toàn trình", example = "4") int onlineLevel,
    @Schema(description = "Thời hạn giải quyết, ngày làm việc", example = "4") BigDecimal deadlineWorkingDays,
    LocalDate deadlineEffectiveFrom,
    String deadlineLegalBasis,
    @Schema(description = "Phí, lệ phí (đồng)", example = "0") long feeVnd,
    List<String> requiredDocuments,
    @Schema(description = "Trường thông tin riêng của thủ tục (phần 'fields' khi nộp hồ sơ), theo biểu mẫu của thủ tục")
    List<FormField> fields) {}
