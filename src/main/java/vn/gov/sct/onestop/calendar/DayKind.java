package vn.gov.sct.onestop.calendar;

/** What a calendar entry says about its date. */
public enum DayKind {
  /** A day off: public holiday, Tết, compensatory day off (nghỉ bù) or swapped bridge day. */
  HOLIDAY,
  /** A Saturday or Sunday that is worked (làm bù) in exchange for a bridge day. */
  WORKING
}
