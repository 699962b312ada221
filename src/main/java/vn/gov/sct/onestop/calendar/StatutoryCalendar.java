package vn.gov.sct.onestop.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lịch tạm tính: the days off that the law guarantees in a year for which the government has not (yet) published its
 * civil-service holiday notice. Entries computed here are provisional and say so in their source; a notice file
 * {@code vn-YYYY.yaml} replaces the whole year when it arrives.
 *
 * <p>The rules, from the Labour Code 45/2019/QH14 of 20/11/2019 (in force 1/1/2021), Article 112 (public holidays)
 * and Article 111 clause 3 (a holiday on the weekly day off is compensated on the next working day):
 *
 * <ul>
 *   <li>1 January; 30 April; 1 May;
 *   <li>Tết Nguyên Đán, five days, placed by {@link #tetFirstDay} relative to the lunar new year (Vietnamese lunar
 *       calendar, UTC+7). The default, the five days from two days before the new year (the 28th/29th or 29th/30th
 *       of the twelfth month) to the second day of the first month, with the compensatory rule, gives exactly the
 *       Tết days off of every notice 2018–2026 (2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026: when the new
 *       year fell on a Tuesday, 2019, 2022, 2026, the Sunday before it is compensated on the Friday, which is the
 *       "one day before, four after" of those notices);
 *   <li>Giỗ Tổ Hùng Vương, the 10th day of the third lunar month (a public holiday since 2007);
 *   <li>National Day, 2 September and one adjacent day (two days since the Labour Code 2019; one before): the day
 *       before, except when 2 September is a Monday or a Thursday, then the day after, which joins the weekend as
 *       the notices of 2021–2026 chose (2021 Thu → 3/9, 2022 Fri → 1/9, 2023 Sat → 1/9, 2024 Mon → 3/9, 2025 Tue →
 *       1/9, 2026 Wed → 1/9);
 *   <li>from 2026, Ngày Văn hóa Việt Nam, 24 November, as the shipped 2026 file lists it (Nghị quyết 28/2026/QH16,
 *       Article 2; verify: only secondary sources were read, see vn-2026.yaml).
 * </ul>
 *
 * <p>Not guessed: the bridge-day swaps (a weekday off exchanged for a worked Saturday) that the notices often add;
 * they exist only when announced. Years before 2021 use the Labour Code 10/2012/QH13, Article 115 (National Day one
 * day); years before 2013 are counted with those rules too, which is only approximate (Tết was four days before
 * 2013).
 */
public final class StatutoryCalendar {

  /** The years a provisional calendar is computed for; outside them a computation is an error. */
  public static final int FIRST_YEAR = 1990;

  public static final int LAST_YEAR = 2099;

  /** The default placement of Tết: its first day off is two days before the lunar new year. */
  public static final int DEFAULT_TET_FIRST_DAY = -2;

  static final int TET_DAYS = 5;
  static final String PROVISIONAL = "tạm tính theo luật, chưa có thông báo chính thức";
  private static final String CODE_2019 = "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019";
  private static final String CODE_2012 = "Bộ luật Lao động 10/2012/QH13 ngày 18/6/2012";

  private final int tetFirstDay;

  /**
   * @param tetFirstDay the first of Tết's five days off, in days relative to the lunar new year (mùng 1): −2 (the
   *     default) starts two days before it, 0 on it; between −4 and 0
   */
  public StatutoryCalendar(int tetFirstDay) {
    if (tetFirstDay < -(TET_DAYS - 1) || tetFirstDay > 0) {
      throw new IllegalArgumentException(
          "onestop.calendar.provisional.tet-first-day must be between -4 and 0 (days relative to the lunar new "
              + "year), got " + tetFirstDay);
    }
    this.tetFirstDay = tetFirstDay;
  }

  public StatutoryCalendar() {
    this(DEFAULT_TET_FIRST_DAY);
  }

  public static boolean supports(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** The provisional year: statutory holidays and their compensatory days, each with its rule as source. */
  public CalendarYear year(int year) {
    if (!supports(year)) {
      throw new CalendarDataMissingException(year);
    }
    boolean code2019 = year >= 2021;
    String article = code2019 ? CODE_2019 + ", Điều 112" : CODE_2012 + ", Điều 115";
    String compensation = code2019 ? CODE_2019 + ", Điều 111 khoản 3" : CODE_2012 + ", Điều 115 khoản 3";
    Map<LocalDate, String> holidays = new TreeMap<>();
    holidays.put(LocalDate.of(year, 1, 1), "Tết Dương lịch");
    addTet(year, holidays);
    if (year >= 2007) {
      holidays.put(VietnameseLunarCalendar.solar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }
    holidays.put(LocalDate.of(year, 4, 30), "Ngày Chiến thắng");
    holidays.put(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động");
    LocalDate nationalDay = LocalDate.of(year, 9, 2);
    holidays.put(nationalDay, "Quốc khánh");
    if (code2019) {
      DayOfWeek dow = nationalDay.getDayOfWeek();
      boolean after = dow == DayOfWeek.MONDAY || dow == DayOfWeek.THURSDAY;
      holidays.put(after ? nationalDay.plusDays(1) : nationalDay.minusDays(1), "Quốc khánh (ngày liền kề)");
    }
    if (year >= 2026) {
      holidays.put(LocalDate.of(year, 11, 24), "Ngày Văn hóa Việt Nam");
    }

    List<CalendarEntry> entries = new ArrayList<>();
    Map<LocalDate, String> off = new TreeMap<>(holidays);
    for (Map.Entry<LocalDate, String> h : holidays.entrySet()) {
      String source = h.getValue().equals("Ngày Văn hóa Việt Nam")
          ? "Nghị quyết 28/2026/QH16 (Quốc hội), Điều 2 (" + PROVISIONAL + ")"
          : article + " (" + PROVISIONAL + ")";
      entries.add(new CalendarEntry(h.getKey(), DayKind.HOLIDAY, h.getValue(), source));
      if (isWeekend(h.getKey())) {
        LocalDate day = h.getKey().plusDays(1);
        while (isWeekend(day) || off.containsKey(day)) {
          day = day.plusDays(1);
        }
        if (day.getYear() == year) {
          String name = "Nghỉ bù " + h.getValue().replaceFirst(" \\(.*\\)$", "");
          off.put(day, name);
          entries.add(new CalendarEntry(day, DayKind.HOLIDAY, name, compensation + " (" + PROVISIONAL + ")"));
        }
      }
    }
    entries.sort((a, b) -> a.date().compareTo(b.date()));
    return new CalendarYear(year, entries, "statutory rule (provisional)", true);
  }

  private void addTet(int year, Map<LocalDate, String> holidays) {
    LocalDate newYear = VietnameseLunarCalendar.newYear(year);
    int lastOfTwelfth = VietnameseLunarCalendar.lengthOfMonth(year - 1, 12);
    for (int i = tetFirstDay; i < tetFirstDay + TET_DAYS; i++) {
      String day = i < 0 ? (lastOfTwelfth + 1 + i) + " tháng Chạp" : "mùng " + (i + 1);
      holidays.put(newYear.plusDays(i), "Tết Nguyên Đán (" + day + ")");
    }
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
