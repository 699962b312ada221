package vn.gov.sct.onestop.online;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The optional JSON part {@code supplement}: a note to the clerk about the documents sent. */
public record SupplementRequest(@Size(max = 2000) @Pattern(regexp = OnlineText.PLAIN_LINES) String note) {}
