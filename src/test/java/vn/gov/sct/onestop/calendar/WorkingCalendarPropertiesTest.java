package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws that hold for any receipt instant and any allotment of up to 60 working days. */
class WorkingCalendarPropertiesTest {

  static final WorkingCalendar calendar = WorkingCalendar.loadDefault();

  /** Leaves room for 60 working days plus a Tết before the last year with data ends. */
  static final LocalDate FIRST = LocalDate.of(calendar.years().first(), 1, 1);

  static final LocalDate LAST = LocalDate.of(calendar.years().last(), 8, 31);

  @Provide
  Arbitrary<Instant> anyInstant() {
    long days = ChronoUnit.DAYS.between(FIRST, LAST);
    return Combinators.combine(
            Arbitraries.longs().between(0, days), Arbitraries.integers().between(0, 24 * 60 - 1))
        .as(
            (d, m) ->
                FIRST
                    .plusDays(d)
                    .atTime(LocalTime.ofSecondOfDay(m * 60L))
                    .atZone(calendar.zone())
                    .toInstant());
  }

  /** Working instants with room for 60 working days and a Tết before them. */
  @Provide
  Arbitrary<Instant> workingInstant() {
    Instant earliest = FIRST.plusDays(120).atStartOfDay(calendar.zone()).toInstant();
    return anyInstant().filter(t -> t.isAfter(earliest)).map(calendar::clockStart);
  }

  static BigDecimal halfDays(int n) {
    return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(2));
  }

  @Property(tries = 500)
  void addingNDaysElapsesExactlyNDays(
      @ForAll("anyInstant") Instant received, @ForAll @IntRange(min = 1, max = 120) int half) {
    BigDecimal days = halfDays(half);
    Instant due = calendar.addWorkingDays(received, days);
    assertThat(calendar.workingDaysBetween(calendar.clockStart(received), due))
        .isEqualByComparingTo(days);
  }

  @Property(tries = 500)
  void aDeadlineNeverFallsOnANonWorkingDayNorOutsideTheSessions(
      @ForAll("anyInstant") Instant received, @ForAll @IntRange(min = 1, max = 120) int half) {
    Instant due = calendar.addWorkingDays(received, halfDays(half));
    assertThat(calendar.isWorkingDay(due.atZone(calendar.zone()).toLocalDate())).isTrue();
    // Inside a session, or exactly at a session's end (the earliest instant).
    assertThat(calendar.isWorkingTime(due) || calendar.isWorkingTime(due.minusNanos(1))).isTrue();
  }

  @Property(tries = 500)
  void subtractingIsTheInverseOfAdding(
      @ForAll("workingInstant") Instant end, @ForAll @IntRange(min = 1, max = 120) int half) {
    BigDecimal days = halfDays(half);
    Instant start = calendar.subtractWorkingDays(end, days);
    assertThat(calendar.workingDaysBetween(start, end)).isEqualByComparingTo(days);
    assertThat(calendar.isWorkingTime(start)).isTrue();
  }

  @Property(tries = 500)
  void classifyAgreesWithTheOrderOfInstantsAndDates(
      @ForAll("anyInstant") Instant finished, @ForAll("anyInstant") Instant due) {
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

  @Property(tries = 300)
  void workingTimeIsAdditive(
      @ForAll("anyInstant") Instant a,
      @ForAll @IntRange(min = 0, max = 20_000) int m1,
      @ForAll @IntRange(min = 0, max = 20_000) int m2) {
    Instant b = calendar.addWorkingMinutes(a, m1);
    Instant c = calendar.addWorkingMinutes(b, m2);
    assertThat(calendar.workingMinutesBetween(a, c)).isEqualTo((long) m1 + m2);
  }
}
