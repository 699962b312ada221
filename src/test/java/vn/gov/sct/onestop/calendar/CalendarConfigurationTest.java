package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The Spring wiring: properties bound and checked, one calendar bean named workingCalendar. */
class CalendarConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CalendarProperties.class)
  static class PropertiesOn {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(PropertiesOn.class, CalendarConfiguration.class);

  @Test
  void defaultsAreTheCivilServiceHoursInVietnam() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().hasBean("workingCalendar");
          WorkingCalendar calendar = context.getBean("workingCalendar", WorkingCalendar.class);
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
          assertThat(calendar.dayLength()).isEqualTo(Duration.ofHours(8));
          assertThat(calendar.sessions()).containsExactlyElementsOf(WorkingCalendar.DEFAULT_SESSIONS);
        });
  }

  @Test
  void sessionsZoneAndDataFolderAreConfigurable(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("vn-2032.yaml"),
        """
        year: 2032
        entries:
          - date: 2032-01-01
            kind: HOLIDAY
            name: "Tết Dương lịch"
            source: "Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019, Điều 112"
        """);
    runner
        .withPropertyValues(
            "onestop.calendar.zone=Asia/Bangkok",
            "onestop.calendar.sessions[0].start=08:00",
            "onestop.calendar.sessions[0].end=12:00",
            "onestop.calendar.sessions[1].start=13:00",
            "onestop.calendar.sessions[1].end=17:00",
            "onestop.calendar.data-dir=" + dir)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
              assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Bangkok"));
              assertThat(calendar.sessions().get(1).start()).isEqualTo(LocalTime.of(13, 0));
              assertThat(calendar.isWorkingDay(LocalDate.of(2032, 1, 1))).isFalse();
            });
  }

  @Test
  void overlappingSessionsStopTheStartNamingTheProperty() {
    runner
        .withPropertyValues(
            "onestop.calendar.sessions[0].start=07:30",
            "onestop.calendar.sessions[0].end=11:30",
            "onestop.calendar.sessions[1].start=11:00",
            "onestop.calendar.sessions[1].end=17:00")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("onestop.calendar.sessions[1].start (11:00)")
                    .hasMessageContaining("onestop.calendar.sessions[0].end (11:30)"));
  }

  @Test
  void aSessionEndingBeforeItStartsStopsTheStartNamingTheProperty() {
    runner
        .withPropertyValues(
            "onestop.calendar.sessions[0].start=11:30", "onestop.calendar.sessions[0].end=07:30")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("onestop.calendar.sessions[0].end (07:30) must be after"));
  }
}
