package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws that hold for any receipt instant and any allotment of up to 60 working days, checked on a few
 * hundred instants drawn with a fixed seed from every year with data (so a failure is reproducible).
 */
class WorkingCalendarPropertiesTest {

  static final WorkingCalendar calendar = WorkingCalendar.loadDefault();

  static final LocalDate FIRST = LocalDate.of(calendar.years().first(), 1, 1);

  /** Leaves room for 60 working days plus a Tết before the last year with data ends. */
  static final LocalDate LAST = LocalDate.of(calendar.years().last(), 8, 31);

  static final int SAMPLES = 400;

  static Instant anyInstant(Random random) {
    long days = ChronoUnit.DAYS.between(FIRST, LAST);
    return FIRST.plusDays(random.nextLong(days + 1))
        .atTime(LocalTime.ofSecondOfDay(random.nextInt(24 * 60) * 60L))
        .atZone(calendar.zone())
        .toInstant();
  }

  static BigDecimal halfDays(Random random) {
    return BigDecimal.valueOf(1 + random.nextInt(120)).divide(BigDecimal.valueOf(2));
  }

  /** A receipt instant (any time of any day) and a number of working days in half-day steps. */
  static Stream<Arguments> instantsAndDays() {
    Random random = new Random(20260213);
    return Stream.generate(() -> Arguments.of(anyInstant(random), halfDays(random))).limit(SAMPLES);
  }

  /** A working instant with room for 60 working days and a Tết before it, and a number of days. */
  static Stream<Arguments> workingInstantsAndDays() {
    Random random = new Random(20180101);
    Instant earliest = FIRST.plusDays(120).atStartOfDay(calendar.zone()).toInstant();
    return Stream.generate(() -> anyInstant(random))
        .filter(t -> t.isAfter(earliest))
        .map(calendar::clockStart)
        .map(t -> Arguments.of(t, halfDays(random)))
        .limit(SAMPLES);
  }

  static Stream<Arguments> pairsOfInstants() {
    Random random = new Random(20250426);
    return Stream.generate(() -> Arguments.of(anyInstant(random), anyInstant(random))).limit(SAMPLES);
  }

  static Stream<Arguments> instantsAndMinutes() {
    Random random = new Random(20260822);
    return Stream.generate(() -> Arguments.of(anyInstant(random), random.nextInt(20_001), random.nextInt(20_001)))
        .limit(SAMPLES);
  }

  @ParameterizedTest
  @MethodSource("instantsAndDays")
  void adding_n_days_elapses_exactly_n_days(Instant received, BigDecimal days) {
    Instant due = calendar.addWorkingDays(received, days);
    assertThat(calendar.workingDaysBetween(calendar.clockStart(received), due)).isEqualByComparingTo(days);
  }

  @ParameterizedTest
  @MethodSource("instantsAndDays")
  void a_deadline_never_falls_on_a_non_working_day_nor_outside_the_sessions(Instant received, BigDecimal days) {
    Instant due = calendar.addWorkingDays(received, days);
    assertThat(calendar.isWorkingDay(due.atZone(calendar.zone()).toLocalDate())).isTrue();
    // inside a session, or exactly at a session's end (the earliest instant)
    assertThat(calendar.isWorkingTime(due) || calendar.isWorkingTime(due.minusNanos(1))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("workingInstantsAndDays")
  void subtracting_is_the_inverse_of_adding(Instant end, BigDecimal days) {
    Instant start = calendar.subtractWorkingDays(end, days);
    assertThat(calendar.workingDaysBetween(start, end)).isEqualByComparingTo(days);
    assertThat(calendar.isWorkingTime(start)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("pairsOfInstants")
  void classify_agrees_with_the_order_of_instants_and_dates(Instant finished, Instant due) {
    Timeliness verdict = calendar.classify(finished, due);
    LocalDate finishedOn = finished.atZone(calendar.zone()).toLocalDate();
    LocalDate dueOn = due.atZone(calendar.zone()).toLocalDate();
    switch (verdict) {
      case LATE -> assertThat(finished).isAfter(due);
      case EARLY -> assertThat(finishedOn).isBefore(dueOn);
      case ON_TIME -> {
        assertThat(finished).isBeforeOrEqualTo(due);
        assertThat(finishedOn).isEqualTo(dueOn);
      }
    }
    assertThat(calendar.classify(due, due)).isEqualTo(Timeliness.ON_TIME);
  }

  @ParameterizedTest
  @MethodSource("instantsAndMinutes")
  void working_time_is_additive(Instant a, int m1, int m2) {
    Instant b = calendar.addWorkingMinutes(a, m1);
    Instant c = calendar.addWorkingMinutes(b, m2);
    assertThat(calendar.workingMinutesBetween(a, c)).isEqualTo((long) m1 + m2);
  }
}
