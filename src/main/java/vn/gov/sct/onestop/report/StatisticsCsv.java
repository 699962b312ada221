package vn.gov.sct.onestop.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The period report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the Vietnamese
 * headers as Windows-1252), comma-separated, CRLF line ends, Vietnamese column headers, decimals with a dot.
 */
public final class StatisticsCsv {

  /** The column headers, in order. */
  public static final List<String> HEADERS = List.of(
      "Mã", "Tên", "Tồn kỳ trước", "Tiếp nhận trực tuyến", "Tiếp nhận trực tiếp", "Tiếp nhận qua bưu chính",
      "Tổng tiếp nhận trong kỳ", "Tổng số phải giải quyết", "Đã giải quyết", "Giải quyết trước hạn",
      "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
      "Tạm dừng chờ bổ sung", "Từ chối tiếp nhận", "Rút hồ sơ", "Thời gian giải quyết trung bình (ngày làm việc)",
      "Tỷ lệ trước và đúng hạn (%)");

  private static final String BOM = "\uFEFF";

  private StatisticsCsv() {}

  public static byte[] bytes(StatisticsReport report) {
    return text(report).getBytes(StandardCharsets.UTF_8);
  }

  /** The CSV text, starting with the byte-order mark. */
  public static String text(StatisticsReport report) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, HEADERS);
    report.rows().forEach(r -> line(out, cells(r)));
    line(out, cells(report.total()));
    return out.toString();
  }

  private static List<String> cells(StatisticsRow r) {
    return List.of(r.key(), r.label(), n(r.carriedOver()), n(r.receivedOnline()), n(r.receivedCounter()),
        n(r.receivedPostal()), n(r.received()), n(r.total()), n(r.solved()), n(r.solvedEarly()), n(r.solvedOnTime()),
        n(r.solvedLate()), n(r.inProcessWithinDeadline()), n(r.inProcessPastDeadline()), n(r.pausedForSupplement()),
        n(r.refused()), n(r.withdrawn()), d(r.averageProcessingDays()), percent(r.onTimeShare()));
  }

  private static String n(long value) {
    return Long.toString(value);
  }

  private static String d(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static String percent(BigDecimal share) {
    return share == null ? "" : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String escape(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
