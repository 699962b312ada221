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
 * @param fields the procedure's own form fields (e.g. the promotion's name and dates), kept as process
 *     variables {@code field_<name>}
 */
@Schema(description = "Thông tin hồ sơ (phần JSON 'dossier' của yêu cầu multipart)")
public record SubmitDossierRequest(
    @Schema(example = "promotion-registration", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]*") String procedureCode,
    @NotNull @Valid ApplicantData applicant,
    @Schema(example = "{\"programName\": \"Tri ân khách hàng 2026\", \"startDate\": \"2026-03-01\"}")
    @Size(max = 30) Map<String, String> fields) {}
