package vn.gov.sct.onestop.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The legal deadline of a procedure in force from a date, with its legal basis and step allotments. */
public record DeadlineVersion(
    BigDecimal workingDays, LocalDate effectiveFrom, String legalBasis, List<StepAllotment> allotments) {

  public Optional<StepAllotment> allotment(String step) {
    return allotments.stream().filter(a -> a.step().equals(step)).findFirst();
  }

  /** Working days allotted to every step of a unit: the unit's share when a dossier is handed to it. */
  public BigDecimal daysOfUnit(String unit) {
    return allotments.stream()
        .filter(a -> a.unit().equals(unit))
        .map(StepAllotment::days)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
