package vn.gov.sct.onestop.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the notice files again when the operator's calendar folder ({@code onestop.calendar.data-dir}) changes, so
 * next year's notice takes effect without a restart: the folder's listing (names, sizes, modification times) is
 * compared every {@code onestop.calendar.watch-interval}; a change reloads every year, replaces the official years of
 * the {@link WorkingCalendar} and publishes {@link OfficialYearsChanged}. A file that does not validate is logged and
 * changes nothing (the running calendar stays as it was); at start-up it stops the application as before.
 */
@Component
public class CalendarFiles {

  private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);

  private final WorkingCalendar calendar;
  private final CalendarDataLoader loader;
  private final Path dataDir;
  private final ApplicationEventPublisher events;
  private volatile String fingerprint;

  public CalendarFiles(WorkingCalendar calendar, CalendarProperties properties, ApplicationEventPublisher events) {
    this.calendar = calendar;
    this.dataDir = properties.dataDir();
    this.loader = new CalendarDataLoader(dataDir);
    this.events = events;
    this.fingerprint = fingerprint();
  }

  @Scheduled(fixedDelayString = "${onestop.calendar.watch-interval:PT1M}",
      initialDelayString = "${onestop.calendar.watch-interval:PT1M}")
  void watch() {
    String now = fingerprint();
    if (now.equals(fingerprint)) {
      return;
    }
    fingerprint = now;
    try {
      Set<Integer> changed = apply(loader.load().values());
      log.info("Calendar folder {} changed; official years now {}, new or changed: {}", dataDir, calendar.years(),
          changed);
    } catch (CalendarDataException e) {
      log.error("A calendar file in {} is invalid; the calendar in use is unchanged: {}", dataDir, e.getMessage());
    }
  }

  /**
   * Makes the given years the official ones and tells the listeners which became official or changed.
   *
   * @return those years
   */
  public Set<Integer> apply(Collection<CalendarYear> years) {
    Set<Integer> changed = calendar.replaceOfficialYears(years);
    if (!changed.isEmpty()) {
      events.publishEvent(new OfficialYearsChanged(changed));
    }
    return changed;
  }

  /** The years of the shipped files and the folder, as a restart would read them. */
  public Collection<CalendarYear> read() {
    return loader.load().values();
  }

  private String fingerprint() {
    if (dataDir == null || !Files.isDirectory(dataDir)) {
      return "";
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(p -> p.getFileName().toString().matches("vn-.*\\.yaml")).sorted().map(p -> {
        try {
          return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
          return p.getFileName() + ":?";
        }
      }).collect(Collectors.joining(","));
    } catch (IOException e) {
      return "?";
    }
  }
}
