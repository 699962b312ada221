package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.gov.sct.onestop.dossier.DossierStatus;

/** A portal status: code 1–10 and its Vietnamese label. */
public record StatusView(@Schema(example = "1") int code, @Schema(example = "Mới đăng ký") String label) {

  static StatusView of(DossierStatus status) {
    return new StatusView(status.code(), status.label());
  }
}
