package vn.gov.sct.onestop.form;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * One of a procedure's own fields (trường thông tin của mẫu đơn), as the procedure's start form declares it:
 * the variable name, the Vietnamese label, the type and the limits the form checks. Limits the form does not
 * set are null.
 */
@Schema(description = "Trường thông tin riêng của thủ tục, theo biểu mẫu bắt đầu (Camunda Form) của thủ tục")
public record FormField(
    @Schema(example = "promotionStart") String key,
    @Schema(example = "Ngày bắt đầu") String label,
    FieldType type,
    boolean required,
    @Schema(description = "Hướng dẫn nhập") String description,
    Integer minLength,
    Integer maxLength,
    @Schema(description = "Biểu thức chính quy (ECMAScript) mà giá trị phải khớp toàn bộ") String pattern,
    BigDecimal min,
    BigDecimal max,
    @Schema(description = "Số chữ số thập phân tối đa") Integer decimalDigits,
    @Schema(description = "Ngày không được trước ngày nộp") boolean noPastDates,
    @Schema(description = "Giá trị được chọn (trường lựa chọn)") List<Choice> choices) {

  /** A value of a choice field and its Vietnamese label. */
  public record Choice(String value, String label) {}
}
