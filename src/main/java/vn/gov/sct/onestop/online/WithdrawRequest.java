package vn.gov.sct.onestop.online;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why the applicant withdraws (optional). */
public record WithdrawRequest(@Size(max = 1000) @Pattern(regexp = OnlineText.PLAIN_LINES) String reason) {}
