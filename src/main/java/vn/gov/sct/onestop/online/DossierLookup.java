package vn.gov.sct.onestop.online;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What an applicant may know of their dossier: its status and dates and, once finished, the outcome and
 * whether it was early, on time or late. Nothing about other people, no internal notes.
 */
public record DossierLookup(
    String dossierCode,
    String procedureCode,
    String procedureName,
    StatusView status,
    Instant registeredAt,
    @Schema(description = "Ngày tiếp nhận (khi hồ sơ đầy đủ, hợp lệ)") Instant receivedAt,
    @Schema(description = "Ngày hẹn trả kết quả") Instant dueAt,
    @Schema(description = "Kết quả, khi đã giải quyết xong") Result result) {

  /**
   * @param outcome APPROVED, REFUSED or WITHDRAWN
   * @param timeliness EARLY, ON_TIME or LATE; absent for dossiers stopped at reception or withdrawn
   * @param documentAvailable whether the result document can be downloaded (level 4, result returned)
   */
  public record Result(String outcome, String outcomeLabel, Instant completedAt, String timeliness,
      String timelinessLabel, Instant returnedAt, boolean documentAvailable) {}
}
