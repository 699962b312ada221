package vn.gov.sct.onestop.calendar;

import java.util.Set;

/**
 * Published when notice files were added or changed while the application runs: the years now counted on their
 * official notice. Promises made on the provisional calendar of those years are reviewed by whoever made them (the
 * SLA package), so this package need not know about dossiers.
 *
 * @param years the years whose official file is new or changed
 */
public record OfficialYearsChanged(Set<Integer> years) {

  public OfficialYearsChanged {
    years = Set.copyOf(years);
  }
}
