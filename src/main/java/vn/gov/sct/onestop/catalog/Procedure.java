package vn.gov.sct.onestop.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Thủ tục hành chính: one administrative procedure of the catalog. {@code siteInspectionRequired}: the
 * specialist must inspect the site (kiểm tra thực tế) before appraisal, e.g. a petroleum retail store.
 */
public record Procedure(
    String code,
    String nationalCode,
    String nameVi,
    String nameEn,
    String division,
    boolean siteInspectionRequired,
    String processKey,
    int onlineLevel,
    long feeVnd,
    List<String> requiredDocuments,
    List<DeadlineVersion> deadlines) {

  /** The deadline in force on the given day: a dossier received before a cut keeps the old deadline. */
  public DeadlineVersion deadlineOn(LocalDate day) {
    return deadlines.stream()
        .filter(d -> !d.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(DeadlineVersion::effectiveFrom))
        .orElseThrow(() -> new CatalogException(
            "Procedure " + code + " has no deadline in force on " + day
                + " (earliest effectiveFrom is " + deadlines.get(0).effectiveFrom() + ")"));
  }
}
