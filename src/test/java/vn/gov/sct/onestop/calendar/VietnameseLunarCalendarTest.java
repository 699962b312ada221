package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lunar calendar against PUBLISHED Vietnamese dates (test resource {@code calendar-reference/vietnamese-lunar-dates.csv},
 * its source named in the file), never against values computed by the code under test.
 */
class VietnameseLunarCalendarTest {

  record Reference(int year, LocalDate tet, LocalDate hungKings) {}

  static List<Reference> references() throws IOException {
    List<Reference> rows = new ArrayList<>();
    try (var in = VietnameseLunarCalendarTest.class.getResourceAsStream("/calendar-reference/vietnamese-lunar-dates.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("year") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        rows.add(new Reference(Integer.parseInt(f[0]), LocalDate.parse(f[1]), LocalDate.parse(f[2])));
      }
    }
    return rows;
  }

  @Test
  void everyTetAndEveryHungKingsDayFrom1985To2099IsVietnams() throws IOException {
    List<Reference> rows = references();
    assertThat(rows).hasSize(2099 - 1985 + 1);
    List<String> wrong = new ArrayList<>();
    for (Reference r : rows) {
      LocalDate tet = VietnameseLunarCalendar.newYear(r.year());
      LocalDate hungKings = VietnameseLunarCalendar.solar(r.year(), 3, 10);
      if (!tet.equals(r.tet())) {
        wrong.add("Tết " + r.year() + ": " + tet + " instead of " + r.tet());
      }
      if (!hungKings.equals(r.hungKings())) {
        wrong.add("Giỗ Tổ " + r.year() + ": " + hungKings + " instead of " + r.hungKings());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theYearsWhereVietnamAndChinaDisagreeAreVietnams() {
    assertThat(VietnameseLunarCalendar.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21)); // China: 20 February
    assertThat(VietnameseLunarCalendar.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17)); // China: 18 February
    assertThat(VietnameseLunarCalendar.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
    assertThat(VietnameseLunarCalendar.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2)); // China: 3 February
  }

  @Test
  void theLastDayOfTheTwelfthMonthIsThe29thOrThe30th() {
    // Tết 2026 (17 February) followed 29 tháng Chạp (16 February) in the notice 9441/TB-BNV; Tết 2024 followed 30 Chạp
    assertThat(VietnameseLunarCalendar.lengthOfMonth(2025, 12)).isEqualTo(29);
    assertThat(VietnameseLunarCalendar.lengthOfMonth(2023, 12)).isEqualTo(30);
    assertThatThrownBy(() -> VietnameseLunarCalendar.solar(2025, 12, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29 days");
  }

  @Test
  void yearsOutsideTheComputedRangeAreRefused() {
    assertThatThrownBy(() -> VietnameseLunarCalendar.newYear(1899))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1900–2199");
  }
}
