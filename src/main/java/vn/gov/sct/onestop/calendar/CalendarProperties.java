package vn.gov.sct.onestop.calendar;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the working-day calendar, checked when the application starts.
 *
 * @param zone the civil service's time zone, by default Asia/Ho_Chi_Minh
 * @param sessions the working sessions of a working day, in order, by default 07:30–11:30 and
 *     13:30–17:30 (e.g. {@code onestop.calendar.sessions[0].start=07:30})
 * @param dataDir an optional folder of year files {@code vn-YYYY.yaml} that add years or replace
 *     shipped ones; read at start-up and again when its files change
 * @param tetFirstDay where the provisional calendar places Tết's five days off: the first one, in days relative to
 *     the lunar new year (default −2: from two days before it to its second day; see {@link StatutoryCalendar})
 * @param watchInterval how often the data folder is checked for a new or changed file (default one minute)
 */
@ConfigurationProperties("onestop.calendar")
public record CalendarProperties(
    ZoneId zone, List<WorkingSession> sessions, Path dataDir, Integer tetFirstDay, Duration watchInterval) {

  public CalendarProperties(ZoneId zone, List<WorkingSession> sessions, Path dataDir) {
    this(zone, sessions, dataDir, null, null);
  }

  private static final String PREFIX = "onestop.calendar.";

  @ConstructorBinding
  public CalendarProperties {
    zone = zone == null ? WorkingCalendar.DEFAULT_ZONE : zone;
    sessions =
        sessions == null || sessions.isEmpty()
            ? WorkingCalendar.DEFAULT_SESSIONS
            : List.copyOf(check(sessions));
    tetFirstDay = tetFirstDay == null ? StatutoryCalendar.DEFAULT_TET_FIRST_DAY : tetFirstDay;
    watchInterval = watchInterval == null ? Duration.ofMinutes(1) : watchInterval;
  }

  private static List<WorkingSession> check(List<WorkingSession> sessions) {
    for (int i = 0; i < sessions.size(); i++) {
      String name = PREFIX + "sessions[" + i + "]";
      WorkingSession s = sessions.get(i);
      if (s == null || s.start() == null) {
        throw new IllegalArgumentException(name + ".start is required (e.g. 07:30)");
      }
      if (s.end() == null) {
        throw new IllegalArgumentException(name + ".end is required (e.g. 11:30)");
      }
      if (!s.end().isAfter(s.start())) {
        throw new IllegalArgumentException(
            name + ".end (" + s.end() + ") must be after " + name + ".start (" + s.start() + ")");
      }
      if (i > 0 && s.start().isBefore(sessions.get(i - 1).end())) {
        String previous = PREFIX + "sessions[" + (i - 1) + "]";
        throw new IllegalArgumentException(
            name
                + ".start ("
                + s.start()
                + ") must not be before "
                + previous
                + ".end ("
                + sessions.get(i - 1).end()
                + "): sessions must be in order and must not overlap");
      }
    }
    return sessions;
  }
}
