package vn.gov.sct.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Deadlines of dossiers told as stories, over the shipped year files. */
class WorkingCalendarStoriesTest {

  static final WorkingCalendar calendar = WorkingCalendar.loadDefault();

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }

  static Instant dueAfter(String received, String days) {
    return calendar.addWorkingDays(at(received), new BigDecimal(days));
  }

  @Nested
  @DisplayName("The clock starts")
  class ClockStart {

    @Test
    void dossierReceivedInsideASessionStartsAtOnce() {
      assertThat(calendar.clockStart(at("2026-03-10T09:00"))).isEqualTo(at("2026-03-10T09:00"));
      assertThat(calendar.clockStart(at("2026-03-10T07:30"))).isEqualTo(at("2026-03-10T07:30"));
    }

    @Test
    void dossierReceivedExactlyAtTheEndOfTheMorningStartsAfterLunch() {
      assertThat(calendar.clockStart(at("2026-03-10T11:30"))).isEqualTo(at("2026-03-10T13:30"));
    }

    @Test
    void dossierReceivedDuringLunchStartsAt1330() {
      assertThat(calendar.clockStart(at("2026-03-10T12:15"))).isEqualTo(at("2026-03-10T13:30"));
    }

    @Test
    void dossierReceivedAfterHoursOrBeforeOpeningStartsWithTheNextSession() {
      assertThat(calendar.clockStart(at("2026-03-10T17:30"))).isEqualTo(at("2026-03-11T07:30"));
      assertThat(calendar.clockStart(at("2026-03-10T06:00"))).isEqualTo(at("2026-03-10T07:30"));
    }

    @Test
    void onlineDossierSubmittedOnSundayStartsMondayMorning() {
      assertThat(calendar.clockStart(at("2026-03-08T10:00"))).isEqualTo(at("2026-03-09T07:30"));
    }
  }

  @Nested
  @DisplayName("N working days become a return date")
  class ReturnDate {

    @Test
    void receivedMonday0900WithFourDaysIsDueFriday0900() {
      assertThat(dueAfter("2026-03-09T09:00", "4")).isEqualTo(at("2026-03-13T09:00"));
      assertThat(calendar.workingDaysBetween(at("2026-03-09T09:00"), at("2026-03-13T09:00")))
          .isEqualByComparingTo("4");
    }

    @Test
    void receivedFriday1645WithOneDayIsDueMonday1645() {
      assertThat(dueAfter("2026-03-06T16:45", "1")).isEqualTo(at("2026-03-09T16:45"));
    }

    @Test
    void receivedOnSundayWithOneDayIsDueMondayAtTheCloseOfBusiness() {
      // The clock starts Monday 07:30; 480 working minutes have elapsed at 17:30 the same day.
      assertThat(dueAfter("2026-03-08T10:00", "1")).isEqualTo(at("2026-03-09T17:30"));
      assertThat(dueAfter("2026-03-08T10:00", "4")).isEqualTo(at("2026-03-12T17:30"));
    }

    @Test
    void halfADayIsFourHoursOfSessions() {
      assertThat(dueAfter("2026-03-10T09:00", "0.5")).isEqualTo(at("2026-03-10T15:00"));
      assertThat(dueAfter("2026-03-10T14:00", "0.5")).isEqualTo(at("2026-03-11T08:00"));
      assertThat(dueAfter("2026-03-10T09:00", "1.5")).isEqualTo(at("2026-03-11T15:00"));
    }

    @Test
    void halfADayReceivedAtTheEndOfTheMorningEndsAtTheCloseOfBusiness() {
      assertThat(dueAfter("2026-03-10T11:30", "0.5")).isEqualTo(at("2026-03-10T17:30"));
    }

    @Test
    void landingExactlyOnASessionEndStaysThere() {
      assertThat(calendar.addWorkingMinutes(at("2026-03-10T07:30"), 240))
          .isEqualTo(at("2026-03-10T11:30"));
      assertThat(calendar.addWorkingMinutes(at("2026-03-10T07:30"), 241))
          .isEqualTo(at("2026-03-10T13:31"));
      assertThat(calendar.addWorkingMinutes(at("2026-03-10T12:00"), 0))
          .isEqualTo(at("2026-03-10T13:30"));
    }

    @Test
    void promotionDossierReceivedBeforeTet2026IsDueAfterTheNineDaysOff() {
      // Tết Bính Ngọ: off Saturday 14/2 to Sunday 22/2/2026.
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 20))).isFalse();
      assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 2, 13)))
          .isEqualTo(LocalDate.of(2026, 2, 23));
      // 45 minutes on Friday, then Monday 23, Tuesday 24, Wednesday 25 and 7h15 on Thursday 26.
      assertThat(dueAfter("2026-02-13T16:45", "4")).isEqualTo(at("2026-02-26T16:45"));
    }

    @Test
    void electricityLicenceAcrossTheNationalDayBreakOf2026CountsTheWorkedSaturday() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
      // Received Friday 21/8 10:00, 12 days: Sat 22, Mon 24 .. Fri 28, Thu 3/9, Fri 4, Mon 7 .. Thu 10.
      assertThat(dueAfter("2026-08-21T10:00", "12")).isEqualTo(at("2026-09-10T10:00"));
      // Received Wednesday 26/8 10:00, 5 days: Thu 27, Fri 28, Thu 3/9, Fri 4, Mon 7.
      assertThat(dueAfter("2026-08-26T10:00", "5")).isEqualTo(at("2026-09-07T10:00"));
    }

    @Test
    void promotionDossierAroundReunificationDay2025CountsSaturday26April() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
      // Received Thursday 24/4 14:00, 4 days: Fri 25, Sat 26 (worked), Mon 28, Tue 29.
      assertThat(dueAfter("2025-04-24T14:00", "4")).isEqualTo(at("2025-04-29T14:00"));
      // Received Tuesday 29/4 09:00: 30/4 to 4/5 off, so Mon 5, Tue 6, Wed 7, Thu 8 May.
      assertThat(dueAfter("2025-04-29T09:00", "4")).isEqualTo(at("2025-05-08T09:00"));
    }

    @Test
    void newYear2026SwapsFriday2JanuaryForSaturday10January() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
      assertThat(calendar.entry(LocalDate.of(2026, 1, 10)))
          .hasValueSatisfying(e -> assertThat(e.source()).contains("12729/VPCP-KGVX"));
    }
  }

  @Nested
  @DisplayName("Backwards, between, and the verdict")
  class BackwardsAndVerdict {

    @Test
    void oneWorkingDayBeforeTheDeadlineSkipsTet() {
      assertThat(calendar.subtractWorkingDays(at("2026-02-26T16:45"), BigDecimal.ONE))
          .isEqualTo(at("2026-02-25T16:45"));
      assertThat(calendar.subtractWorkingDays(at("2026-02-23T10:00"), BigDecimal.ONE))
          .isEqualTo(at("2026-02-13T10:00"));
    }

    @Test
    void goingBackToASessionBoundaryGivesTheLaterSide() {
      assertThat(calendar.subtractWorkingDays(at("2026-03-10T17:30"), new BigDecimal("0.5")))
          .isEqualTo(at("2026-03-10T13:30"));
      assertThat(calendar.subtractWorkingDays(at("2026-03-10T17:30"), BigDecimal.ONE))
          .isEqualTo(at("2026-03-10T07:30"));
      assertThat(calendar.subtractWorkingDays(at("2026-03-09T07:30"), BigDecimal.ONE))
          .isEqualTo(at("2026-03-06T07:30"));
    }

    @Test
    void workingTimeBetweenIgnoresNightsWeekendsAndHolidays() {
      assertThat(calendar.workingMinutesBetween(at("2026-02-13T16:45"), at("2026-02-23T08:00")))
          .isEqualTo(45 + 30);
      assertThat(calendar.workingMinutesBetween(at("2026-03-10T12:00"), at("2026-03-10T13:00")))
          .isZero();
      assertThat(calendar.workingMinutesBetween(at("2026-03-10T10:00"), at("2026-03-10T09:00")))
          .isZero();
      assertThat(calendar.workingDaysBetween(at("2026-03-10T09:00"), at("2026-03-10T15:00")))
          .isEqualByComparingTo("0.50");
      assertThat(calendar.workingDaysBetween(at("2026-03-10T09:00"), at("2026-03-10T10:00")))
          .isEqualByComparingTo("0.13");
    }

    @Test
    void finishedOnAnEarlierDateIsEarlyOnTheDueDateOnTimeAfterTheDueInstantLate() {
      Instant due = at("2026-02-26T16:45");
      assertThat(calendar.classify(at("2026-02-25T10:00"), due)).isEqualTo(Timeliness.EARLY);
      assertThat(calendar.classify(at("2026-02-26T08:00"), due)).isEqualTo(Timeliness.ON_TIME);
      assertThat(calendar.classify(due, due)).isEqualTo(Timeliness.ON_TIME);
      assertThat(calendar.classify(at("2026-02-26T16:46"), due)).isEqualTo(Timeliness.LATE);
      assertThat(Timeliness.EARLY.label()).isEqualTo("trước hạn");
      assertThat(Timeliness.ON_TIME.label()).isEqualTo("đúng hạn");
      assertThat(Timeliness.LATE.label()).isEqualTo("quá hạn");
    }
  }

  @Nested
  @DisplayName("Refusals")
  class Refusals {

    @Test
    void aYearFarOutsideTheSupportedRangeIsAClearError() {
      assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2100, 5, 5)))
          .isInstanceOf(CalendarDataMissingException.class)
          .hasMessageContaining("No working-day calendar for 2100: working days are counted for 1990–2099");
      assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(1989, 5, 5)))
          .isInstanceOf(CalendarDataMissingException.class)
          .hasMessageContaining("1989");
    }

    @Test
    void aDeadlineRunningIntoAYearWithoutItsNoticeIsCountedProvisionally() {
      int last = calendar.years().last();
      Instant lateDecember = at(last + "-12-24T10:00");
      Instant due = calendar.addWorkingDays(lateDecember, new BigDecimal("15"));
      assertThat(due.atZone(calendar.zone()).getYear()).isEqualTo(last + 1);
      assertThat(calendar.isProvisional(last + 1)).isTrue();
      assertThat(calendar.isProvisional(last)).isFalse();
      assertThat(calendar.isProvisionalBetween(lateDecember, due)).isTrue();
      assertThat(calendar.isProvisionalBetween(at(last + "-03-02T10:00"), at(last + "-03-20T10:00"))).isFalse();
    }

    @Test
    void zeroNegativeOrOddFractionsOfADayAreRefusedNamingTheValue() {
      Instant t = at("2026-03-10T09:00");
      assertThatThrownBy(() -> calendar.addWorkingDays(t, BigDecimal.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 0");
      assertThatThrownBy(() -> calendar.addWorkingDays(t, new BigDecimal("-1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got -1");
      assertThatThrownBy(() -> calendar.addWorkingDays(t, new BigDecimal("0.3")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 0.3");
      assertThatThrownBy(() -> calendar.subtractWorkingDays(t, new BigDecimal("-0.5")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got -0.5");
      assertThatThrownBy(() -> calendar.addWorkingMinutes(t, -5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-5");
    }
  }
}
