package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provisional statutory calendar against the official notices shipped in src/main/resources/calendar. */
class StatutoryCalendarTest {

  static final SortedMap<Integer, CalendarYear> notices = new CalendarDataLoader(null).load();
  final StatutoryCalendar statutory = new StatutoryCalendar();

  /** The weekdays off and the worked weekend days of a year: what decides a deadline. */
  static TreeSet<String> nonStandardDays(CalendarYear year, boolean withoutSwaps) {
    return year.entries().stream()
        .filter(e -> !(withoutSwaps && isSwap(e)))
        .filter(e -> e.kind() == DayKind.WORKING || !weekend(e.date()))
        .map(e -> e.date() + " " + e.kind())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A bridge-day swap of a notice: a weekday off exchanged for a worked weekend day, both announced, never statutory. */
  static boolean isSwap(CalendarEntry e) {
    return e.kind() == DayKind.WORKING || e.name().startsWith("Nghỉ hoán đổi");
  }

  static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @ParameterizedTest(name = "{0}: no swaps in the notice, the provisional calendar equals it")
  @ValueSource(ints = {2020, 2021, 2022, 2023})
  void yearsWithoutSwapsEqualTheirNotice(int year) {
    assertThat(notices.get(year).entries()).noneMatch(StatutoryCalendarTest::isSwap);
    assertThat(nonStandardDays(statutory.year(year), false)).isEqualTo(nonStandardDays(notices.get(year), false));
  }

  @ParameterizedTest(name = "{0}: the notice is the provisional calendar plus its announced swaps")
  @ValueSource(ints = {2018, 2019, 2024, 2025, 2026})
  void yearsWithSwapsEqualTheirNoticeWithoutTheSwaps(int year) {
    assertThat(notices.get(year).entries()).anyMatch(StatutoryCalendarTest::isSwap);
    assertThat(nonStandardDays(statutory.year(year), false)).isEqualTo(nonStandardDays(notices.get(year), true));
  }

  @Test
  void theProvisional2027SaysWhatItIsAndWhy() {
    CalendarYear y = statutory.year(2027);
    assertThat(y.provisional()).isTrue();
    Map<LocalDate, String> names = new TreeMap<>();
    y.entries().forEach(e -> names.put(e.date(), e.name()));
    // Tết 2027 is Saturday 6 February after a 29-day twelfth month (new moon 8 January 2027 at UTC+7): Thursday 4 to Monday 8, Saturday and Sunday
    // compensated on Tuesday 9 and Wednesday 10
    assertThat(names).containsEntry(LocalDate.of(2027, 2, 4), "Tết Nguyên Đán (28 tháng Chạp)")
        .containsEntry(LocalDate.of(2027, 2, 5), "Tết Nguyên Đán (29 tháng Chạp)")
        .containsEntry(LocalDate.of(2027, 2, 6), "Tết Nguyên Đán (mùng 1)")
        .containsEntry(LocalDate.of(2027, 2, 8), "Tết Nguyên Đán (mùng 3)")
        .containsEntry(LocalDate.of(2027, 2, 9), "Nghỉ bù Tết Nguyên Đán")
        .containsEntry(LocalDate.of(2027, 2, 10), "Nghỉ bù Tết Nguyên Đán")
        .containsEntry(LocalDate.of(2027, 1, 1), "Tết Dương lịch")
        .containsEntry(LocalDate.of(2027, 4, 16), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
        .containsEntry(LocalDate.of(2027, 5, 3), "Nghỉ bù Ngày Quốc tế lao động")
        .containsEntry(LocalDate.of(2027, 9, 3), "Quốc khánh (ngày liền kề)")
        .containsEntry(LocalDate.of(2027, 11, 24), "Ngày Văn hóa Việt Nam");
    assertThat(y.entries()).allSatisfy(e -> assertThat(e.source()).contains("tạm tính"));
    assertThat(y.entries()).filteredOn(e -> e.name().startsWith("Tết Nguyên Đán"))
        .allSatisfy(e -> assertThat(e.source()).contains("Bộ luật Lao động 45/2019/QH14", "Điều 112"));
    assertThat(y.entries()).filteredOn(e -> e.name().startsWith("Nghỉ bù"))
        .allSatisfy(e -> assertThat(e.source()).contains("Điều 111 khoản 3"));
  }

  @Test
  void tetPlacementIsConfigurable() {
    CalendarYear later = new StatutoryCalendar(-1).year(2027);
    assertThat(later.entries()).extracting(CalendarEntry::date)
        .contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 9))
        .doesNotContain(LocalDate.of(2027, 2, 4));
    assertThatThrownBy(() -> new StatutoryCalendar(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tet-first-day");
  }

  @Test
  void yearsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> statutory.year(2100)).isInstanceOf(CalendarDataMissingException.class);
    assertThatThrownBy(() -> statutory.year(1989)).isInstanceOf(CalendarDataMissingException.class);
  }
}
