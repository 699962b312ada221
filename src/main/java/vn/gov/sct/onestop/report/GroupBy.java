package vn.gov.sct.onestop.report;

import java.util.Locale;

/** How the period report is broken down. */
public enum GroupBy {
  PROCEDURE("Thủ tục"),
  DIVISION("Đơn vị"),
  OVERALL("Toàn Sở");

  private final String label;

  GroupBy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** procedure, division or overall, in any case. */
  public static GroupBy parse(String value) {
    if (value == null || value.isBlank()) {
      return PROCEDURE;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groupBy must be procedure, division or overall, not '" + value + "'");
    }
  }
}
