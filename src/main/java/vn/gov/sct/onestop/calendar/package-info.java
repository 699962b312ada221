/**
 * The civil-service working-day calendar and the rules for counting legal deadlines in working
 * days (ngày làm việc). Time counting lives here and nowhere else.
 *
 * <h2>Data</h2>
 *
 * <p>Monday to Friday are working days, Saturday and Sunday are not, except as a year file {@code
 * calendar/vn-YYYY.yaml} says: a {@code HOLIDAY} entry makes a date a day off (public holiday, Tết,
 * compensatory day, swapped bridge day); a {@code WORKING} entry makes a Saturday or Sunday a worked
 * day (làm bù). Each entry names the document that announced it. Files in the folder {@code
 * onestop.calendar.data-dir} add years or replace shipped ones, without a rebuild. A year without a file is counted
 * on the statutory rule and the Vietnamese lunar calendar ({@link vn.gov.sct.onestop.calendar.VietnameseLunarCalendar}),
 * provisionally. This package imports nothing of ours; what moves open dossiers lives in {@code sla/}.
 *
 * <h2>Counting rules</h2>
 *
 * <table>
 *   <caption>How a deadline is counted</caption>
 *   <tr><th>question</th><th>rule</th></tr>
 *   <tr><td>working hours</td><td>on a working day, the sessions 07:30–11:30 and 13:30–17:30
 *       (configurable), Asia/Ho_Chi_Minh; one working day = the total session time (480
 *       minutes)</td></tr>
 *   <tr><td>when the clock starts</td><td>at the receipt instant if it falls inside a session; a
 *       dossier received outside working hours, online or at the counter (lunch, evening, weekend,
 *       holiday, or exactly at a session's end) counts from the start of the next working
 *       session</td></tr>
 *   <tr><td>N working days</td><td>the deadline is the earliest instant at which N × 480 working
 *       minutes have elapsed since the clock start: received Monday 09:00 with 4 days, due Friday
 *       09:00; received Friday 16:45 with 1 day, due 16:45 on the next working day; received on a
 *       Sunday with 1 day, due Monday 17:30</td></tr>
 *   <tr><td>half days</td><td>allotments are positive multiples of 0.5 day; half a day = 240
 *       minutes (half the day length); anything else is refused</td></tr>
 *   <tr><td>session boundaries</td><td>a deadline landing exactly on a session end stays there
 *       (11:30, not 13:30); going back from a deadline ("one working day before") gives the latest
 *       instant, so a session start (13:30, 07:30)</td></tr>
 *   <tr><td>early, on time, late</td><td>late (quá hạn) when finished after the deadline instant;
 *       early (trước hạn) when finished no later than it and on an earlier date; on time (đúng hạn)
 *       when finished on the due date, no later than the deadline</td></tr>
 *   <tr><td>elapsed time</td><td>working minutes between two instants count only session time on
 *       working days; in days, minutes / 480 rounded half up to 2 decimals</td></tr>
 *   <tr><td>year without a notice</td><td>counted on the provisional statutory calendar ({@link
 *       vn.gov.sct.onestop.calendar.StatutoryCalendar}), marked provisional; the notice file replaces it when it
 *       arrives ({@link vn.gov.sct.onestop.calendar.CalendarFiles}). Years outside 1990–2099 without a file fail with
 *       {@link vn.gov.sct.onestop.calendar.CalendarDataMissingException}</td></tr>
 * </table>
 */
package vn.gov.sct.onestop.calendar;
