package vn.gov.sct.onestop.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;

/**
 * Warns before the official holiday files run out. A year without its {@code vn-YYYY.yaml} is counted on the
 * provisional statutory calendar, so dossiers are still received, but their due dates are provisional until the
 * government's notice is added (folder {@code calendar/}): this tells the operator in time. Shown as
 * {@code workingCalendar} under /actuator/health (a {@code warning} detail within {@value #WARNING_DAYS} days of the
 * end of official coverage) and as the gauge {@code onestop.calendar.days.covered} (days of official coverage left,
 * negative once past it); logged at start-up when close.
 */
@Component("workingCalendarHealthIndicator")
public class CalendarCoverage implements HealthIndicator {

  static final int WARNING_DAYS = 60;
  private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

  private final WorkingCalendar calendar;

  public CalendarCoverage(WorkingCalendar calendar, MeterRegistry registry) {
    this.calendar = calendar;
    Gauge.builder("onestop.calendar.days.covered", this, c -> c.daysCovered(c.today()))
        .description("Days from today to the end of the last year with a holiday file (negative once past it)")
        .register(registry);
  }

  /** The last day of official coverage: the end of the last year with a notice file. */
  public LocalDate coveredUntil() {
    return LocalDate.of(calendar.years().last(), 12, 31);
  }

  long daysCovered(LocalDate today) {
    return ChronoUnit.DAYS.between(today, coveredUntil());
  }

  @Override
  public Health health() {
    LocalDate today = today();
    long days = daysCovered(today);
    // UP even when the year is over: the node still serves Tasklist, Cockpit and lookups; the warning and the
    // negative gauge are for the operator, not a reason for a load balancer to take the node out
    Health.Builder health = Health.up();
    int next = calendar.years().last() + 1;
    health.withDetail("years", calendar.years()).withDetail("coveredUntil", coveredUntil()).withDetail("daysCovered", days)
        .withDetail("provisionalFrom", LocalDate.of(next, 1, 1));
    String warning = warning(today);
    return (warning == null ? health : health.withDetail("warning", warning)).build();
  }

  /** The operator's message when the calendar ends within {@value #WARNING_DAYS} days of today, else null. */
  String warning(LocalDate today) {
    long days = daysCovered(today);
    if (days > WARNING_DAYS) {
      return null;
    }
    int next = calendar.years().last() + 1;
    return "Holiday file vn-" + next + ".yaml is missing: " + next + " is counted on the provisional statutory "
        + "calendar (official coverage ends " + coveredUntil() + ", " + Math.max(days, 0) + " days left), so due dates "
        + "in " + next + " are provisional and will be reviewed when the notice arrives. Add it to the calendar folder "
        + "(onestop.calendar.data-dir) from the government's holiday notice.";
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStartUp() {
    String warning = warning(today());
    if (warning != null) {
      log.warn(warning);
    }
  }

  private LocalDate today() {
    return EngineClock.now().atZone(calendar.zone()).toLocalDate();
  }
}
