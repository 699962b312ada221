package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The JSON part {@code dossier} of an online submission; the documents come as file parts {@code files}.
 *
 * @param fields the procedure's own fields (e.g. the promotion's name and dates), as its start form declares
 *     them (listed by {@code GET /api/v1/public/procedures}): text as strings, numbers as JSON numbers, days as
 *     {@code YYYY-MM-DD}, yes / no as booleans; checked against the form, then kept as process variables of
 *     the same names and in table {@code dossier_field_value}
 */
@Schema(description = "Thông tin hồ sơ (phần JSON 'dossier' của yêu cầu multipart)")
public record SubmitDossierRequest(
    @Schema(example = "promotion-registration", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]*") String procedureCode,
    @NotNull @Valid ApplicantData applicant,
    @Schema(example = "{\"promotionName\": \"Tri ân khách hàng 2026\", \"promotionStart\": \"2026-04-01\", "
        + "\"promotionEnd\": \"2026-04-30\", \"promotionArea\": \"Quận Lê Chân, Hải Phòng\"}")
    @Size(max = 30) Map<String, Object> fields) {}
