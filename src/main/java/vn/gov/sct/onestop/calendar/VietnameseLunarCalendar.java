package vn.gov.sct.onestop.calendar;

import java.time.LocalDate;

/**
 * Âm lịch Việt Nam: the Vietnamese lunisolar calendar, counted at UTC+7 (105° East), which is what places Tết and
 * Giỗ Tổ Hùng Vương. China counts the same rules at UTC+8, so a new moon between 16:00 and 17:00 UT starts a month
 * one day earlier in Vietnam, and a whole year can differ (Tết 1985: 21 January in Vietnam, 20 February in China;
 * 2007: 17 and 18 February). Library calendars are therefore not used: ICU's Chinese calendar counts at UTC+8 (any
 * other zone only through an internal constructor) and misplaces new moons close to midnight (ICU-23274).
 *
 * <p>The rules (as the Vietnamese calendar is generally described, e.g. by Hồ Ngọc Đức, "Thuật toán tính âm lịch",
 * informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html): a month starts on the day (UTC+7) that contains the new
 * moon; the month containing the December solstice is month 11; when 13 months lie between two months 11, the first
 * of them without a major solar term (trung khí, sun longitude a multiple of 30°) is the leap month and repeats the
 * number of the month before it.
 *
 * <p>Astronomy from Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998): the mean new moon with its periodic
 * and planetary corrections (chapter 49, accurate to well under a minute) and the apparent longitude of the sun
 * (chapter 25, about 0.01°), ΔT from Espenak and Meeus's polynomials (NASA, Five Millennium Canon of Solar Eclipses,
 * 2006). Tested against published Vietnamese Tết and Giỗ Tổ dates 1985–2099. Supported for Gregorian years
 * 1900–2199.
 */
public final class VietnameseLunarCalendar {

  /** The first and last Gregorian year whose lunar dates are computed. */
  public static final int FIRST_YEAR = 1900;

  public static final int LAST_YEAR = 2199;

  private static final double HOURS_EAST = 7;
  private static final double SYNODIC_MONTH = 29.530588861;
  /** Julian day of the mean new moon k = 0 (6 January 2000). */
  private static final double NEW_MOON_EPOCH = 2451550.09766;

  private static final long JULIAN_DAY_OF_EPOCH_DAY_0 = 2440588; // 1970-01-01 at noon

  private VietnameseLunarCalendar() {}

  /** Tết Nguyên Đán: the first day of the first month of the lunar year that begins in the given year. */
  public static LocalDate newYear(int year) {
    return solar(year, 1, 1);
  }

  /**
   * The Gregorian date of a day of a regular (not leap) lunar month of a lunar year, e.g. (2027, 3, 10) for Giỗ Tổ
   * Hùng Vương 2027. Months 11 and 12 of lunar year Y end in January or February of Y + 1.
   *
   * @throws IllegalArgumentException when month or day is out of range, or day 30 of a 29-day month is asked for
   */
  public static LocalDate solar(int lunarYear, int month, int day) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("A lunar month is 1 to 12, got " + month);
    }
    if (day < 1 || day > 30) {
      throw new IllegalArgumentException("A lunar day is 1 to 30, got " + day);
    }
    long start = monthStart(lunarYear, month);
    if (day == 30 && monthLength(start) < 30) {
      throw new IllegalArgumentException("Month " + month + " of lunar year " + lunarYear + " has 29 days");
    }
    return epochDay(start + day - 1);
  }

  /** The number of days (29 or 30) of a regular month of a lunar year. */
  public static int lengthOfMonth(int lunarYear, int month) {
    return monthLength(monthStart(lunarYear, month));
  }

  // ------------------------------------------------------------------ months

  /** Julian day number of the first day of a regular month of a lunar year. */
  private static long monthStart(int lunarYear, int month) {
    checkYear(lunarYear);
    if (month >= 11) {
      // months 11 and 12 of lunar year Y follow the month 11 that holds the December solstice of Y
      int k = month11(lunarYear);
      int leap = leapIndex(k, month11(lunarYear + 1));
      return newMoonDay(k + (month - 11) + (month == 12 && leap == 1 ? 1 : 0));
    }
    int k = month11(lunarYear - 1);
    int leap = leapIndex(k, month11(lunarYear));
    int index = month + 1; // 11 -> 0, 12 -> 1, 1 -> 2, ...
    return newMoonDay(k + index + (leap >= 1 && leap <= index ? 1 : 0));
  }

  private static int monthLength(long startDay) {
    // the next month starts with the next new moon: find the lunation that starts on startDay
    int k = lunationStartingOn(startDay);
    return (int) (newMoonDay(k + 1) - startDay);
  }

  /** The lunation number k of the month 11 that contains the December solstice of a Gregorian year. */
  private static int month11(int year) {
    long dec31 = julianDayNumber(LocalDate.of(year, 12, 31));
    int k = (int) Math.floor((dec31 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    // the sun at 270° or past it when this month starts: the solstice fell in the month before
    return sunSector(newMoonDay(k)) >= 9 ? k - 1 : k;
  }

  /**
   * The position (1..12) after month 11 of the leap month of the year of months a11..b11, or 0 when 12 months lie
   * between them: the first month without a major solar term.
   */
  private static int leapIndex(int a11, int b11) {
    if (b11 - a11 != 13) {
      return 0;
    }
    int sector = sunSector(newMoonDay(a11 + 1));
    for (int i = 1; i <= 12; i++) {
      int next = sunSector(newMoonDay(a11 + i + 1));
      if (next == sector) {
        return i;
      }
      sector = next;
    }
    return 0;
  }

  private static int lunationStartingOn(long day) {
    int k = (int) Math.round((day - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    for (int candidate = k - 1; candidate <= k + 1; candidate++) {
      if (newMoonDay(candidate) == day) {
        return candidate;
      }
    }
    throw new IllegalStateException("No new moon on Julian day " + day);
  }

  // ------------------------------------------------------------------ astronomy

  /** Julian day number of the local (UTC+7) day containing new moon k. */
  static long newMoonDay(int k) {
    double jde = newMoon(k);
    double ut = jde - deltaT(jde) / 86400.0;
    return (long) Math.floor(ut + 0.5 + HOURS_EAST / 24.0);
  }

  /** The sun's apparent longitude at the start (local midnight, UTC+7) of a day, in 30° sectors 0..11. */
  static int sunSector(long julianDayNumber) {
    double ut = julianDayNumber - 0.5 - HOURS_EAST / 24.0;
    double jde = ut + deltaT(ut) / 86400.0;
    return (int) Math.floor(sunLongitude(jde) / 30.0);
  }

  /** Meeus, chapter 49: the instant (Julian ephemeris day, TT) of true new moon number k (0 = January 2000). */
  static double newMoon(int k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
    double c = -0.40720 * Math.sin(mp)
        + 0.17241 * e * Math.sin(m)
        + 0.01608 * Math.sin(2 * mp)
        + 0.01039 * Math.sin(2 * f)
        + 0.00739 * e * Math.sin(mp - m)
        - 0.00514 * e * Math.sin(mp + m)
        + 0.00208 * e * e * Math.sin(2 * m)
        - 0.00111 * Math.sin(mp - 2 * f)
        - 0.00057 * Math.sin(mp + 2 * f)
        + 0.00056 * e * Math.sin(2 * mp + m)
        - 0.00042 * Math.sin(3 * mp)
        + 0.00042 * e * Math.sin(m + 2 * f)
        + 0.00038 * e * Math.sin(m - 2 * f)
        - 0.00024 * e * Math.sin(2 * mp - m)
        - 0.00017 * Math.sin(om)
        - 0.00007 * Math.sin(mp + 2 * m)
        + 0.00004 * Math.sin(2 * mp - 2 * f)
        + 0.00004 * Math.sin(3 * m)
        + 0.00003 * Math.sin(mp + m - 2 * f)
        + 0.00003 * Math.sin(2 * mp + 2 * f)
        - 0.00003 * Math.sin(mp + m + 2 * f)
        + 0.00003 * Math.sin(mp - m + 2 * f)
        - 0.00002 * Math.sin(mp - m - 2 * f)
        - 0.00002 * Math.sin(3 * mp + m)
        + 0.00002 * Math.sin(4 * mp);
    double[] a = {
      299.77 + 0.107408 * k - 0.009173 * t2, 251.88 + 0.016321 * k, 251.83 + 26.651886 * k,
      349.42 + 36.412478 * k, 84.66 + 18.206239 * k, 141.74 + 53.303771 * k, 207.14 + 2.453732 * k,
      154.84 + 7.306860 * k, 34.52 + 27.261239 * k, 207.19 + 0.121824 * k, 291.34 + 1.844379 * k,
      161.72 + 24.198154 * k, 239.56 + 25.513099 * k, 331.55 + 3.592518 * k
    };
    double[] amplitude = {
      0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047, 0.000042,
      0.000040, 0.000037, 0.000035, 0.000023
    };
    double planetary = 0;
    for (int i = 0; i < a.length; i++) {
      planetary += amplitude[i] * Math.sin(rad(a[i]));
    }
    return jde + c + planetary;
  }

  /** Meeus, chapter 25 (lower accuracy): the sun's apparent longitude in degrees [0, 360) at a Julian ephemeris day. */
  static double sunLongitude(double jde) {
    double t = (jde - 2451545.0) / 36525;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
        + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
        + 0.000289 * Math.sin(3 * m);
    double omega = rad(125.04 - 1934.136 * t);
    double apparent = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
    return ((apparent % 360) + 360) % 360;
  }

  /** ΔT = TT − UT in seconds (Espenak and Meeus, 2006), for the years this class supports. */
  static double deltaT(double julianDay) {
    double y = 2000 + (julianDay - 2451544.5) / 365.2425;
    if (y < 1920) {
      double t = y - 1900;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
    }
    if (y < 1941) {
      double t = y - 1920;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (y < 1961) {
      double t = y - 1950;
      return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    }
    if (y < 1986) {
      double t = y - 1975;
      return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    }
    if (y < 2005) {
      double t = y - 2000;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.pow(t, 4)
          + 0.00002373599 * Math.pow(t, 5);
    }
    if (y < 2050) {
      double t = y - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    if (y < 2150) {
      double u = (y - 1820) / 100;
      return -20 + 32 * u * u - 0.5628 * (2150 - y);
    }
    double u = (y - 1820) / 100;
    return -20 + 32 * u * u;
  }

  private static double rad(double degrees) {
    return Math.toRadians(degrees % 360);
  }

  private static long julianDayNumber(LocalDate date) {
    return date.toEpochDay() + JULIAN_DAY_OF_EPOCH_DAY_0;
  }

  private static LocalDate epochDay(long julianDayNumber) {
    return LocalDate.ofEpochDay(julianDayNumber - JULIAN_DAY_OF_EPOCH_DAY_0);
  }

  private static void checkYear(int lunarYear) {
    if (lunarYear < FIRST_YEAR || lunarYear > LAST_YEAR) {
      throw new IllegalArgumentException(
          "The Vietnamese lunar calendar is computed for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + lunarYear);
    }
  }
}
