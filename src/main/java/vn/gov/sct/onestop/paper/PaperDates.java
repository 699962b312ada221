package vn.gov.sct.onestop.paper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Dates as the papers print them. Decree 30/2020/NĐ-CP (Appendix I): in the place-and-date line a day below 10
 * and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026").
 */
public final class PaperDates {

  private final ZoneId zone;

  public PaperDates(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** "Hải Phòng, ngày 05 tháng 02 năm 2026". */
  public String placeAndDate(String place, Instant instant) {
    LocalDate d = day(instant);
    String month = d.getMonthValue() <= 2 ? "%02d".formatted(d.getMonthValue()) : String.valueOf(d.getMonthValue());
    return "%s, ngày %02d tháng %s năm %d".formatted(place, d.getDayOfMonth(), month, d.getYear());
  }

  /** "09 giờ 30 phút, ngày 05/02/2026"; empty for null. */
  String timeAndDate(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime t = instant.atZone(zone);
    return "%02d giờ %02d phút, ngày %02d/%02d/%d".formatted(t.getHour(), t.getMinute(), t.getDayOfMonth(),
        t.getMonthValue(), t.getYear());
  }

  /** "05/02/2026"; empty for null. */
  String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    LocalDate d = day(instant);
    return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  /** "4 ngày làm việc", "0,5 ngày làm việc" (Vietnamese decimal comma). */
  static String workingDays(BigDecimal days) {
    return days == null ? "" : days.stripTrailingZeros().toPlainString().replace('.', ',') + " ngày làm việc";
  }
}
