package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator's folder of year files, and what happens when one of them is wrong. */
class CalendarDataLoaderTest {

  @TempDir Path adminDir;

  private Path write(String fileName, String yaml) throws IOException {
    return Files.writeString(adminDir.resolve(fileName), yaml);
  }

  private SortedMap<Integer, CalendarYear> load() {
    return new CalendarDataLoader(adminDir).load();
  }

  @Test
  void shippedFilesCoverEveryYearFrom2018To2026AndNameTheirSources() {
    SortedMap<Integer, CalendarYear> years = new CalendarDataLoader(null).load();
    assertThat(years.keySet()).containsSequence(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    years.values().stream()
        .flatMap(y -> y.entries().stream())
        .forEach(e -> assertThat(e.source()).as(e.toString()).matches(".*\\d+.*\\d{4}.*"));
  }

  @Test
  void anAdministratorsFileReplacesTheShippedYearAndAddsNewYears() throws IOException {
    write(
        "vn-2026.yaml",
        """
        year: 2026
        entries:
          - date: 2026-03-10
            kind: HOLIDAY
            name: "Nghỉ theo quyết định của tỉnh"
            source: "Quyết định 1/QĐ-UBND ngày 01/3/2026"
        """);
    write(
        "vn-2031.yaml",
        """
        year: 2031
        entries:
          - date: 2031-01-01
            kind: HOLIDAY
            name: "Tết Dương lịch"
            source: "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019, Điều 112"
        """);

    SortedMap<Integer, CalendarYear> years = load();
    assertThat(years.get(2026).origin()).endsWith("vn-2026.yaml").doesNotStartWith("classpath:");
    assertThat(years.get(2025).origin()).startsWith("classpath:");

    WorkingCalendar calendar =
        new WorkingCalendar(
            WorkingCalendar.DEFAULT_ZONE, WorkingCalendar.DEFAULT_SESSIONS, years.values());
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 10))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).as("replaced whole").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 2))).isTrue();
  }

  @Test
  void malformedYamlNamesTheFileAndLine() throws IOException {
    Path file =
        write(
            "vn-2030.yaml",
            """
            year: 2030
            entries:
              - date: 2030-01-01
                kind: HOLIDAY
                name: "Tết Dương lịch
                source: "x"
            """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("malformed YAML")
        .hasMessageMatching("(?s).*vn-2030\\.yaml:[5-7]: .*");
  }

  @Test
  void theSameDateListedTwiceWithConflictingKindsNamesBothLines() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-05
            kind: HOLIDAY
            name: "Nghỉ"
            source: "Thông báo 1/TB-BNV ngày 01/11/2029"
          - date: 2030-01-05
            kind: WORKING
            name: "Làm bù"
            source: "Thông báo 1/TB-BNV ngày 01/11/2029"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:7:")
        .hasMessageContaining("2030-01-05 is listed twice (first on line 3)");
  }

  @Test
  void aDateOutsideTheFilesYearNamesTheLine() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-01
            kind: HOLIDAY
            name: "Tết Dương lịch"
            source: "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019"
          - date: 2029-12-31
            kind: HOLIDAY
            name: "Nghỉ hoán đổi"
            source: "Thông báo 1/TB-BNV ngày 01/11/2029"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:7: 2029-12-31 is outside the file's year 2030");
  }

  @Test
  void aYearFieldDifferentFromTheFileNameIsRefused() throws IOException {
    write("vn-2030.yaml", "year: 2031\nentries: []\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:1: year 2031 does not match the file name vn-2030.yaml");
  }

  @Test
  void anUnknownKindIsRefused() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-01
            kind: DAY_OFF
            name: "Tết Dương lịch"
            source: "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:4: unknown kind 'DAY_OFF': use HOLIDAY or WORKING");
  }

  @Test
  void aMissingSourceIsRefused() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-01
            kind: HOLIDAY
            name: "Tết Dương lịch"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:3: the field 'source' is missing");
  }

  @Test
  void aWorkingEntryOnAWeekdayIsRefusedButAHolidayOnAWeekendIsFine() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-05
            kind: HOLIDAY
            name: "Thứ Bảy"
            source: "Thông báo 1/TB-BNV ngày 01/11/2029"
          - date: 2030-01-07
            kind: WORKING
            name: "Làm bù"
            source: "Thông báo 1/TB-BNV ngày 01/11/2029"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(
            "vn-2030.yaml:7: 2030-01-07 is a MONDAY: only a Saturday or Sunday can be a WORKING entry");
  }

  @Test
  void aTypoInAFieldNameIsRefused() throws IOException {
    write(
        "vn-2030.yaml",
        """
        year: 2030
        entries:
          - date: 2030-01-01
            knd: HOLIDAY
            name: "Tết Dương lịch"
            source: "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019"
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-2030.yaml:4: unknown field 'knd'");
  }

  @Test
  void aMisnamedFileIsRefused() throws IOException {
    write("vn-30.yaml", "year: 2030\nentries: []\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("vn-30.yaml: the file name must be vn-YYYY.yaml");
  }

  @Test
  void aMissingFolderIsRefused() {
    assertThatThrownBy(() -> new CalendarDataLoader(adminDir.resolve("nope")).load())
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("does not exist");
  }
}
