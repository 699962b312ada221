package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The answer to a submission: the dossier code and the lookup secret, shown this once. */
public record SubmitDossierResponse(
    @Schema(example = "H15.50-260213-0001") String dossierCode,
    @Schema(description = "Mã tra cứu bí mật; chỉ hiển thị một lần, gửi lại trong header Dossier-Secret")
    String lookupSecret,
    StatusView status,
    Instant registeredAt,
    List<AttachmentView> attachments) {}
