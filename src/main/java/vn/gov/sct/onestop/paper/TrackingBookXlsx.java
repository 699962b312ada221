package vn.gov.sct.onestop.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** The tracking book as a spreadsheet (XLSX): the columns of the form, one row per dossier received. */
final class TrackingBookXlsx {

  /**
   * The columns of the tracking book (Sổ theo dõi hồ sơ, form 06 of Circular 01/2018/TT-VPCP; form 07 of Circular
   * 03/2025/TT-VPCP). # verify: the column titles against the circulars' appendices.
   */
  static final List<String> COLUMNS = List.of("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
      "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ",
      "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả từ cơ quan giải quyết",
      "Trả kết quả cho cá nhân, tổ chức", "Ghi chú");

  private static final int[] WIDTHS = {6, 22, 34, 10, 28, 30, 24, 20, 20, 20, 20, 20, 24};

  private TrackingBookXlsx() {}

  static byte[] write(String title, String agency, String period, List<ReportPapers.BookLine> lines) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("So theo doi ho so");
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle heading = book.createCellStyle();
      heading.setFont(bold);
      heading.setWrapText(true);
      heading.setVerticalAlignment(VerticalAlignment.CENTER);
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      sheet.createRow(0).createCell(0).setCellValue(agency);
      Row titleRow = sheet.createRow(1);
      titleRow.createCell(0).setCellValue(title.toUpperCase(java.util.Locale.ROOT));
      titleRow.getCell(0).setCellStyle(heading);
      sheet.createRow(2).createCell(0).setCellValue(period);
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, COLUMNS.size() - 1));
      Row header = sheet.createRow(4);
      for (int c = 0; c < COLUMNS.size(); c++) {
        header.createCell(c).setCellValue(COLUMNS.get(c));
        header.getCell(c).setCellStyle(heading);
        sheet.setColumnWidth(c, WIDTHS[c] * 256);
      }
      int r = 5;
      for (ReportPapers.BookLine l : lines) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(l.seq());
        String[] values = {l.dossierCode(), l.procedureName(), l.sets(), l.applicantName(), l.applicantContact(),
            l.division(), l.receivedAt(), l.dueAt(), l.handedToDivisionAt(), l.resultBackAt(), l.returnedAt(), l.note()};
        for (int c = 0; c < values.length; c++) {
          row.createCell(c + 1).setCellValue(values[c]);
          row.getCell(c + 1).setCellStyle(wrap);
        }
      }
      sheet.createFreezePane(0, 5);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
