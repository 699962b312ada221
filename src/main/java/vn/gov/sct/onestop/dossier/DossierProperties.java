package vn.gov.sct.onestop.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Dossier settings.
 *
 * @param agencyCode the department's code in the national dossier code ({@code onestop.agency-code})
 * @param reception reception settings ({@code onestop.reception.*})
 */
@Validated
@ConfigurationProperties("onestop")
public record DossierProperties(
    @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9.]{0,29}", message = "must be an agency code like H15.50")
        String agencyCode,
    @NotNull @Valid Reception reception) {

  /** @param supplementTimeLimitDays working days an applicant has to supplement before the dossier is withdrawn */
  public record Reception(@Min(1) @Max(365) int supplementTimeLimitDays) {}
}
