package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class CalendarCoverageTest {

  final WorkingCalendar calendar = WorkingCalendar.loadDefault();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CalendarCoverage coverage = new CalendarCoverage(calendar, registry);
  final int last = calendar.years().last();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void farFromTheEndThereIsNoWarning() {
    assertThat(coverage.warning(LocalDate.of(last, 6, 1))).isNull();
    assertThat(coverage.daysCovered(LocalDate.of(last, 12, 1))).isEqualTo(30);
  }

  @Test
  void withinSixtyDaysTheOperatorIsToldWhichFileToAdd() {
    clockAt(LocalDate.of(last, 11, 27));
    assertThat(coverage.warning(LocalDate.of(last, 11, 27)))
        .contains("vn-" + (last + 1) + ".yaml is missing", "provisional", "34 days left", "calendar folder");
    var health = coverage.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("coveredUntil", LocalDate.of(last, 12, 31))
        .containsEntry("daysCovered", 34L).containsKey("warning");
    assertThat(registry.get("onestop.calendar.days.covered").gauge().value()).isEqualTo(34.0);
  }

  @Test
  void aYearWithoutItsFileKeepsWarningAndTheGaugeGoesNegative() {
    clockAt(LocalDate.of(last + 1, 1, 2));
    var health = coverage.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(registry.get("onestop.calendar.days.covered").gauge().value()).isEqualTo(-2.0);
    assertThat((String) health.getDetails().get("warning")).contains("0 days left");
  }

  private void clockAt(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(9, 0), calendar.zone()).toInstant()));
  }
}
