package vn.gov.sct.onestop.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The civil-service working-day calendar (lịch làm việc của cán bộ, công chức, viên chức): which
 * days are worked, which hours of a day, and how deadlines in working days are counted. The rules
 * are written in {@code package-info.java}.
 *
 * <p>Each year gets a precomputed day table (working or not, and running counts of working days), so every
 * operation walks at most year by year, never minute by minute. A year with an official notice file is counted on it;
 * a year without one (in {@link StatutoryCalendar#FIRST_YEAR}–{@link StatutoryCalendar#LAST_YEAR}) on the provisional
 * statutory calendar, computed once when first needed, so the calendar always answers and says how sure it is
 * ({@link #isProvisional}). The official years can be replaced as a whole ({@link #replaceOfficialYears}) when an
 * operator adds a notice file; everything else is immutable. Safe to share between threads.
 */
public final class WorkingCalendar {

  /** The civil service's time zone. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Morning 07:30–11:30 and afternoon 13:30–17:30: 8 hours a day, 40 a week. */
  public static final List<WorkingSession> DEFAULT_SESSIONS =
      List.of(WorkingSession.DEFAULT_MORNING, WorkingSession.DEFAULT_AFTERNOON);

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final ZoneId zone;
  private final List<WorkingSession> sessions;
  private final long[] sessionStart;
  private final long[] sessionEnd;
  /** Working nanos of a day before session i starts. */
  private final long[] workedBefore;

  private final long dayNanos;
  private final StatutoryCalendar statutory;
  private volatile Map<Integer, YearTable> tables;
  private final Map<Integer, YearTable> provisionalTables = new ConcurrentHashMap<>();

  /**
   * A calendar over the given years.
   *
   * @param zone the time zone in which dates and session times are read
   * @param sessions the working sessions of every working day, in order and not overlapping
   * @param years the non-standard days of each year that has data; other years are missing
   */
  public WorkingCalendar(
      ZoneId zone, List<WorkingSession> sessions, Collection<CalendarYear> years) {
    this(zone, sessions, years, new StatutoryCalendar());
  }

  /**
   * A calendar over the given official years, counting other years on the given statutory rule.
   *
   * @param statutory the provisional calendar for years without an official file
   */
  public WorkingCalendar(
      ZoneId zone, List<WorkingSession> sessions, Collection<CalendarYear> years, StatutoryCalendar statutory) {
    this.statutory = statutory;
    if (zone == null) {
      throw new IllegalArgumentException("The time zone is required");
    }
    this.zone = zone;
    this.sessions = List.copyOf(checkSessions(sessions));
    int n = this.sessions.size();
    sessionStart = new long[n];
    sessionEnd = new long[n];
    workedBefore = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      sessionStart[i] = this.sessions.get(i).start().toNanoOfDay();
      sessionEnd[i] = this.sessions.get(i).end().toNanoOfDay();
      workedBefore[i] = total;
      total += sessionEnd[i] - sessionStart[i];
    }
    dayNanos = total;

    tables = officialTables(years);
  }

  private static Map<Integer, YearTable> officialTables(Collection<CalendarYear> years) {
    Map<Integer, YearTable> byYear = new HashMap<>();
    for (CalendarYear year : years) {
      if (year.provisional()) {
        throw new IllegalArgumentException("Year " + year.year() + " is provisional, not an official notice");
      }
      if (byYear.put(year.year(), new YearTable(year)) != null) {
        throw new IllegalArgumentException("Year " + year.year() + " is given twice");
      }
    }
    return Map.copyOf(byYear);
  }

  /**
   * Replaces the official years, e.g. after an operator added next year's notice file. Computations already running
   * finish on the years they started with.
   *
   * @return the years that became official or whose official file changed
   */
  public synchronized Set<Integer> replaceOfficialYears(Collection<CalendarYear> years) {
    Map<Integer, YearTable> next = officialTables(years);
    Set<Integer> changed = new TreeSet<>();
    for (Map.Entry<Integer, YearTable> e : next.entrySet()) {
      YearTable before = tables.get(e.getKey());
      if (before == null || !before.data.equals(e.getValue().data)) {
        changed.add(e.getKey());
      }
    }
    tables = next;
    return changed;
  }

  /**
   * The calendar with the default zone and sessions over the year files shipped on the classpath;
   * for code and tests that run without Spring.
   */
  public static WorkingCalendar loadDefault() {
    return new WorkingCalendar(
        DEFAULT_ZONE, DEFAULT_SESSIONS, new CalendarDataLoader(null).load().values());
  }

  private static List<WorkingSession> checkSessions(List<WorkingSession> sessions) {
    if (sessions == null || sessions.isEmpty()) {
      throw new IllegalArgumentException("At least one working session is required");
    }
    LocalTime previousEnd = null;
    for (WorkingSession s : sessions) {
      if (s == null || s.start() == null || s.end() == null) {
        throw new IllegalArgumentException("A working session needs a start and an end: " + s);
      }
      if (!s.end().isAfter(s.start())) {
        throw new IllegalArgumentException("Working session " + s + " must end after it starts");
      }
      if (previousEnd != null && s.start().isBefore(previousEnd)) {
        throw new IllegalArgumentException(
            "Working sessions must be in order and must not overlap: " + sessions);
      }
      previousEnd = s.end();
    }
    return sessions;
  }

  // ---------------------------------------------------------------- days

  public ZoneId zone() {
    return zone;
  }

  public List<WorkingSession> sessions() {
    return sessions;
  }

  /** The working time of one working day (480 minutes by default). */
  public Duration dayLength() {
    return Duration.ofNanos(dayNanos);
  }

  /** The years that have an official notice file. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(tables.keySet()));
  }

  /** Whether a year is counted on the provisional statutory calendar (no official notice file). */
  public boolean isProvisional(int year) {
    return table(year).data.provisional();
  }

  /**
   * Whether counting from one instant to another touches a provisional year: a due date counted so is provisional
   * and is recomputed when the year's notice arrives.
   */
  public boolean isProvisionalBetween(Instant from, Instant to) {
    int first = from.atZone(zone).getYear();
    int last = to.atZone(zone).getYear();
    for (int year = Math.min(first, last); year <= Math.max(first, last); year++) {
      if (isProvisional(year)) {
        return true;
      }
    }
    return false;
  }

  /** The days off and worked weekend days of a year, official or provisional. */
  public CalendarYear year(int year) {
    return table(year).data;
  }

  /** The entry for a date (its holiday name and source), if it has one. */
  public Optional<CalendarEntry> entry(LocalDate date) {
    return Optional.ofNullable(table(date.getYear()).entries.get(date));
  }

  /**
   * Whether the date is a working day: Monday to Friday unless the year file makes it a day off,
   * Saturday and Sunday only when the year file makes it a worked day.
   *
   * @throws CalendarDataMissingException if the date's year is outside the supported range
   */
  public boolean isWorkingDay(LocalDate date) {
    return table(date.getYear()).working[date.getDayOfYear() - 1];
  }

  /** The first working day strictly after the date. */
  public LocalDate nextWorkingDay(LocalDate date) {
    YearTable t = table(date.getYear());
    int ordinal = t.workingBefore[date.getDayOfYear()]; // working days up to and including date
    while (ordinal >= t.workingCount) {
      t = table(t.year + 1);
      ordinal = 0;
    }
    return t.dateOfWorking(ordinal);
  }

  /** The last working day strictly before the date. */
  public LocalDate previousWorkingDay(LocalDate date) {
    YearTable t = table(date.getYear());
    int ordinal = t.workingBefore[date.getDayOfYear() - 1] - 1;
    while (ordinal < 0) {
      t = table(t.year - 1);
      ordinal = t.workingCount - 1;
    }
    return t.dateOfWorking(ordinal);
  }

  /** The number of working days in [from, to); 0 when to is not after from. */
  public long workingDaysFromTo(LocalDate fromInclusive, LocalDate toExclusive) {
    if (!toExclusive.isAfter(fromInclusive)) {
      return 0;
    }
    long count = 0;
    LocalDate cursor = fromInclusive;
    while (cursor.getYear() < toExclusive.getYear()) {
      YearTable t = table(cursor.getYear());
      count += t.workingCount - t.workingBefore[cursor.getDayOfYear() - 1];
      cursor = LocalDate.of(cursor.getYear() + 1, 1, 1);
    }
    YearTable t = table(toExclusive.getYear());
    return count
        + t.workingBefore[toExclusive.getDayOfYear() - 1]
        - t.workingBefore[cursor.getDayOfYear() - 1];
  }

  // ---------------------------------------------------------------- instants

  /** Whether the instant falls on a working day inside a working session. */
  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime z = instant.atZone(zone);
    if (!isWorkingDay(z.toLocalDate())) {
      return false;
    }
    long t = z.toLocalTime().toNanoOfDay();
    for (int i = 0; i < sessionStart.length; i++) {
      if (t >= sessionStart[i] && t < sessionEnd[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * When the clock of a dossier received at the given instant starts: the instant itself if it is
   * inside a working session, else the start of the next working session (a session's end is
   * outside it: a dossier received at 11:30 starts at 13:30).
   */
  public Instant clockStart(Instant received) {
    ZonedDateTime z = received.atZone(zone);
    LocalDate date = z.toLocalDate();
    if (isWorkingDay(date)) {
      long t = z.toLocalTime().toNanoOfDay();
      for (int i = 0; i < sessionStart.length; i++) {
        if (t < sessionEnd[i]) {
          return t >= sessionStart[i] ? received : at(date, sessionStart[i]);
        }
      }
    }
    return at(nextWorkingDay(date), sessionStart[0]);
  }

  /**
   * The deadline of an allotment of working days: the earliest instant at which {@code days} ×
   * {@link #dayLength()} of working time has elapsed since {@link #clockStart(Instant)}.
   *
   * @param days a positive multiple of 0.5
   * @throws IllegalArgumentException if days is not a positive multiple of 0.5
   */
  public Instant addWorkingDays(Instant start, BigDecimal days) {
    return addWorkingNanos(start, nanosOf(days));
  }

  /**
   * The earliest instant at which the given working minutes have elapsed since {@link
   * #clockStart(Instant)}; landing exactly on a session end stays there (11:30, not 13:30).
   *
   * @param minutes zero or more; zero gives the clock start
   */
  public Instant addWorkingMinutes(Instant start, long minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("Working minutes must not be negative, got " + minutes);
    }
    return addWorkingNanos(start, multiply(minutes, NANOS_PER_MINUTE, minutes + " minutes"));
  }

  /**
   * The inverse of {@link #addWorkingDays}: the latest instant from which {@code days} ×
   * {@link #dayLength()} of working time remain until {@code end}, e.g. "one working day before the
   * deadline". Landing on a session boundary gives the start of the next session (13:30, not 11:30;
   * 07:30, not 17:30 of the day before).
   *
   * @param days a positive multiple of 0.5
   */
  public Instant subtractWorkingDays(Instant end, BigDecimal days) {
    long nanos = nanosOf(days);
    ZonedDateTime z = end.atZone(zone);
    LocalDate date = z.toLocalDate();
    long offset;
    if (isWorkingDay(date)) {
      offset = offsetInDay(z.toLocalTime().toNanoOfDay());
    } else {
      date = previousWorkingDay(date);
      offset = dayNanos;
    }
    long remaining = offset - nanos;
    if (remaining >= 0) {
      return at(date, latestTimeAt(remaining));
    }
    long missing = -remaining;
    long daysBack = (missing + dayNanos - 1) / dayNanos;
    return at(minusWorkingDays(date, daysBack), latestTimeAt(daysBack * dayNanos - missing));
  }

  /** The working minutes between two instants (whole minutes, rounded down); 0 when to <= from. */
  public long workingMinutesBetween(Instant from, Instant to) {
    return workingNanosBetween(from, to) / NANOS_PER_MINUTE;
  }

  /** The working time between two instants in working days, scale 2, rounded half up. */
  public BigDecimal workingDaysBetween(Instant from, Instant to) {
    return BigDecimal.valueOf(workingNanosBetween(from, to))
        .divide(BigDecimal.valueOf(dayNanos), 2, RoundingMode.HALF_UP);
  }

  /**
   * Early, on time or late: late when finished after due; early when finished no later than due
   * and on an earlier local date; on time when finished on the due date, no later than due.
   */
  public Timeliness classify(Instant finished, Instant due) {
    if (finished.isAfter(due)) {
      return Timeliness.LATE;
    }
    LocalDate finishedOn = finished.atZone(zone).toLocalDate();
    LocalDate dueOn = due.atZone(zone).toLocalDate();
    return finishedOn.isBefore(dueOn) ? Timeliness.EARLY : Timeliness.ON_TIME;
  }

  // ---------------------------------------------------------------- internals

  private Instant addWorkingNanos(Instant start, long nanos) {
    Instant clock = clockStart(start);
    if (nanos == 0) {
      return clock;
    }
    ZonedDateTime z = clock.atZone(zone);
    long total = offsetInDay(z.toLocalTime().toNanoOfDay()) + nanos;
    if (total < 0) {
      throw new IllegalArgumentException("Working time too large: " + nanos + " ns");
    }
    long fullDays = (total - 1) / dayNanos; // the remainder is kept in (0, day]: earliest instant
    long rest = total - fullDays * dayNanos;
    return at(plusWorkingDays(z.toLocalDate(), fullDays), earliestTimeAt(rest));
  }

  private long workingNanosBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    LocalDate dayA = a.toLocalDate();
    LocalDate dayB = b.toLocalDate();
    boolean workA = isWorkingDay(dayA);
    boolean workB = isWorkingDay(dayB);
    long offA = workA ? offsetInDay(a.toLocalTime().toNanoOfDay()) : 0;
    long offB = workB ? offsetInDay(b.toLocalTime().toNanoOfDay()) : 0;
    if (dayA.equals(dayB)) {
      return offB - offA;
    }
    return (workA ? dayNanos - offA : 0)
        + workingDaysFromTo(dayA.plusDays(1), dayB) * dayNanos
        + offB;
  }

  private long nanosOf(BigDecimal days) {
    if (days == null
        || days.signum() <= 0
        || days.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "Working days must be a positive multiple of 0.5, got " + days);
    }
    try {
      return days.multiply(BigDecimal.valueOf(dayNanos))
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Working days too large: " + days, e);
    }
  }

  private static long multiply(long a, long b, String what) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Working time too large: " + what, e);
    }
  }

  /** Working nanos of a working day elapsed at the given time of day. */
  private long offsetInDay(long nanoOfDay) {
    long worked = 0;
    for (int i = 0; i < sessionStart.length; i++) {
      if (nanoOfDay <= sessionStart[i]) {
        break;
      }
      worked += Math.min(nanoOfDay, sessionEnd[i]) - sessionStart[i];
    }
    return worked;
  }

  /** The earliest time of day at which {@code worked} (in (0, day]) has elapsed. */
  private long earliestTimeAt(long worked) {
    int last = sessionStart.length - 1;
    for (int i = 0; i < last; i++) {
      if (worked <= workedBefore[i] + sessionEnd[i] - sessionStart[i]) {
        return sessionStart[i] + worked - workedBefore[i];
      }
    }
    return sessionStart[last] + worked - workedBefore[last];
  }

  /** The latest time of day at which exactly {@code worked} (in [0, day)) has elapsed. */
  private long latestTimeAt(long worked) {
    int last = sessionStart.length - 1;
    for (int i = 0; i < last; i++) {
      if (worked < workedBefore[i] + sessionEnd[i] - sessionStart[i]) {
        return sessionStart[i] + worked - workedBefore[i];
      }
    }
    return sessionStart[last] + worked - workedBefore[last];
  }

  private Instant at(LocalDate date, long nanoOfDay) {
    return date.atTime(LocalTime.ofNanoOfDay(nanoOfDay)).atZone(zone).toInstant();
  }

  /** The working day {@code count} working days after {@code day}, itself a working day. */
  private LocalDate plusWorkingDays(LocalDate day, long count) {
    YearTable t = table(day.getYear());
    long ordinal = t.workingBefore[day.getDayOfYear() - 1] + count;
    while (ordinal >= t.workingCount) {
      ordinal -= t.workingCount;
      t = table(t.year + 1);
    }
    return t.dateOfWorking((int) ordinal);
  }

  /** The working day {@code count} working days before {@code day}, itself a working day. */
  private LocalDate minusWorkingDays(LocalDate day, long count) {
    YearTable t = table(day.getYear());
    long ordinal = t.workingBefore[day.getDayOfYear() - 1] - count;
    while (ordinal < 0) {
      t = table(t.year - 1);
      ordinal += t.workingCount;
    }
    return t.dateOfWorking((int) ordinal);
  }

  private YearTable table(int year) {
    YearTable t = tables.get(year);
    if (t != null) {
      return t;
    }
    if (!StatutoryCalendar.supports(year)) {
      throw new CalendarDataMissingException(year);
    }
    return provisionalTables.computeIfAbsent(year, y -> new YearTable(statutory.year(y)));
  }

  /** One year's days: working or not, and running counts for jumps in constant time. */
  private static final class YearTable {
    final CalendarYear data;
    final Map<LocalDate, CalendarEntry> entries;
    final int year;
    final LocalDate firstDay;
    final boolean[] working;
    /** workingBefore[i]: working days among the first i days of the year (length days + 1). */
    final int[] workingBefore;
    /** The day-of-year index (0-based) of each working day, in order. */
    final int[] workingDays;

    final int workingCount;

    YearTable(CalendarYear data) {
      this.data = data;
      year = data.year();
      firstDay = LocalDate.of(year, 1, 1);
      int length = firstDay.lengthOfYear();
      working = new boolean[length];
      for (int i = 0; i < length; i++) {
        DayOfWeek dow = firstDay.plusDays(i).getDayOfWeek();
        working[i] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
      }
      Map<LocalDate, CalendarEntry> sorted = new TreeMap<>();
      for (CalendarEntry e : data.entries()) {
        if (e.date().getYear() != year) {
          throw new IllegalArgumentException(
              data.origin() + ": " + e.date() + " is not in year " + year);
        }
        sorted.put(e.date(), e);
      }
      for (CalendarEntry e : sorted.values()) {
        working[e.date().getDayOfYear() - 1] = e.kind() == DayKind.WORKING;
      }
      entries = Map.copyOf(sorted);
      workingBefore = new int[length + 1];
      List<Integer> days = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        workingBefore[i + 1] = workingBefore[i] + (working[i] ? 1 : 0);
        if (working[i]) {
          days.add(i);
        }
      }
      workingDays = days.stream().mapToInt(Integer::intValue).toArray();
      workingCount = workingDays.length;
    }

    LocalDate dateOfWorking(int ordinal) {
      return firstDay.plusDays(workingDays[ordinal]);
    }
  }
}
