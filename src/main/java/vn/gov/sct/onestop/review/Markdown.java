package vn.gov.sct.onestop.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Text for the forms' text views, which Tasklist renders as Markdown (form-js, GitHub tables, its own HTML
 * sanitizer after rendering). Applicants' text is escaped here, so a file name shows as typed and never
 * becomes markup.
 */
final class Markdown {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private Markdown() {}

  /** Text inside a table cell: HTML special characters as entities, Markdown's own characters escaped. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\r' -> { }
        case '\n', '\t' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '(', ')', '|', '~', '#', '!', '{', '}' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  static String dayTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
  }

  /** 512 B, 12,3 KB, 2,1 MB: with the Vietnamese decimal comma. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    BigDecimal kb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
    if (kb.compareTo(BigDecimal.valueOf(1024)) < 0) {
      return kb.toPlainString().replace('.', ',') + " KB";
    }
    BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP);
    return mb.toPlainString().replace('.', ',') + " MB";
  }
}
