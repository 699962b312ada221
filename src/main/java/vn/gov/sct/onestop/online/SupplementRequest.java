package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The optional JSON part {@code supplement}: a note to the clerk about the documents sent, and for each file (by
 * position among the parts {@code files}) which required document of the procedure it completes, named as the
 * public procedures endpoint lists them ({@code requiredDocuments}); null or missing: not said, listed under
 * "Bổ sung khác".
 */
public record SupplementRequest(
    @Size(max = 2000) @Pattern(regexp = OnlineText.PLAIN_LINES) String note,
    @Schema(example = "[\"Thể lệ chương trình khuyến mại (theo mẫu)\", null]")
    @Size(max = 50) List<@Size(max = 500) String> completes) {}
