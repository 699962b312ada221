package vn.gov.sct.onestop.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Báo cáo định kỳ tình hình, kết quả giải quyết TTHC gửi Thành phố: the one model of the periodic report that
 * both its spreadsheet ({@link PeriodicReportXlsx}) and its PDF ({@link PeriodicReportPdf}) lay out, so the two
 * cannot disagree. Every figure comes from the period report ({@link StatisticsService}) of the same period.
 *
 * @param lines one per procedure, in the period report's order
 * @param note what the form has no column for, so that the figures add up for a reader who checks them
 */
public record PeriodicReport(PeriodicReportForms.Form form, String agencyName, LocalDate from, LocalDate to,
    List<Line> lines, Line total, String note) {

  /** The data columns, after STT and the procedure's name, in the form's order. */
  public static final List<String> COLUMNS = List.of("Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính",
      "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** One row of the form: its number (STT, empty for the total), the procedure's name and its figures. */
  public record Line(String stt, String label, List<Long> figures) {}

  public static PeriodicReport of(StatisticsReport report, PeriodicReportForms.Form form, String agencyName) {
    List<Line> lines = new ArrayList<>();
    for (StatisticsRow row : report.rows()) {
      lines.add(new Line(String.valueOf(lines.size() + 1), row.label(), figures(row)));
    }
    StatisticsRow t = report.total();
    String note = "Ghi chú: ngoài số liệu trên, trong kỳ có " + t.pausedForSupplement()
        + " hồ sơ tạm dừng chờ bổ sung (cuối kỳ), " + t.refused() + " hồ sơ từ chối tiếp nhận, " + t.withdrawn()
        + " hồ sơ rút. Số liệu từ hệ thống một cửa điện tử của Sở.";
    return new PeriodicReport(form, agencyName, report.from(), report.to(), lines,
        new Line("", t.label(), figures(t)), note);
  }

  /** The figures of one row, in the order of {@link #COLUMNS}. */
  static List<Long> figures(StatisticsRow r) {
    return List.of(r.received() + r.carriedOver(), r.receivedOnline(), r.receivedCounter() + r.receivedPostal(),
        r.carriedOver(), r.solved(), r.solvedEarly(), r.solvedOnTime(), r.solvedLate(), r.inProcess(),
        r.inProcessWithinDeadline(), r.inProcessPastDeadline());
  }

  /** "(Từ ngày 01/04/2026 đến ngày 30/06/2026)", under the title. */
  public String periodText() {
    return "(Từ ngày " + DAY.format(from) + " đến ngày " + DAY.format(to) + ")";
  }

  /** The file name without extension: the spreadsheet and the PDF of one period share it. */
  public String fileName() {
    return "bao-cao-ket-qua-giai-quyet-tthc-" + from + "-" + to;
  }
}
