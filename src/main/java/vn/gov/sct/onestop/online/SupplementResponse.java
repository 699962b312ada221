package vn.gov.sct.onestop.online;

import java.util.List;

/** The answer to a supplement: the dossier's new status and the documents received. */
public record SupplementResponse(String dossierCode, StatusView status, List<AttachmentView> attachments) {}
