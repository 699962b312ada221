package vn.gov.sct.onestop.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The periodic report to the city as a spreadsheet, in the layout of the form in force
 * ({@link PeriodicReportForms}): one row per procedure and a total row, laid out from {@link PeriodicReport}, the
 * model the PDF reads too, so the spreadsheet, the PDF, the dashboard's table and its charts agree.
 */
public final class PeriodicReportXlsx {

  /** The first row of figures (0-based), after the title block and the three header rows. */
  static final int FIRST_DATA_ROW = 8;

  private PeriodicReportXlsx() {}

  public static byte[] bytes(PeriodicReport report) {
    PeriodicReportForms.Form form = report.form();
    List<String> columns = PeriodicReport.COLUMNS;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Báo cáo");
      CellStyle bold = style(book, true, false, HorizontalAlignment.CENTER);
      CellStyle boldLeft = style(book, true, false, HorizontalAlignment.LEFT);
      CellStyle header = style(book, true, true, HorizontalAlignment.CENTER);
      CellStyle text = style(book, false, true, HorizontalAlignment.LEFT);
      CellStyle number = style(book, false, true, HorizontalAlignment.RIGHT);
      CellStyle total = style(book, true, true, HorizontalAlignment.RIGHT);
      int last = columns.size() + 1;

      put(sheet, 0, 0, form.number(), boldLeft);
      put(sheet, 1, 0, form.legalBasis(), text(book));
      put(sheet, 0, 4, form.title(), bold);
      merge(sheet, 0, 0, 4, last - 2);
      put(sheet, 1, 4, report.periodText(), bold);
      merge(sheet, 1, 1, 4, last - 2);
      put(sheet, 0, last - 1, report.agencyName(), bold);
      merge(sheet, 0, 0, last - 1, last);
      put(sheet, 3, last - 2, form.unit(), text(book));

      // three header rows: groups, "trong đó", channels
      put(sheet, 5, 0, "STT", header);
      put(sheet, 5, 1, "Lĩnh vực, công việc giải quyết", header);
      put(sheet, 5, 2, "Số hồ sơ nhận giải quyết", header);
      put(sheet, 5, 6, "Số hồ sơ đã giải quyết", header);
      put(sheet, 5, 10, "Số hồ sơ đang giải quyết", header);
      put(sheet, 6, 3, "Trong đó", header);
      for (int c = 0; c < columns.size(); c++) {
        put(sheet, c == 1 || c == 2 ? 7 : 6, c + 2, columns.get(c), header);
      }
      for (int r = 5; r <= 7; r++) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        for (int c = 0; c <= last; c++) {
          if (row.getCell(c) == null) {
            row.createCell(c).setCellStyle(header);
          }
        }
      }
      merge(sheet, 5, 7, 0, 0);
      merge(sheet, 5, 7, 1, 1);
      merge(sheet, 5, 5, 2, 5);
      merge(sheet, 5, 5, 6, 9);
      merge(sheet, 5, 5, 10, 12);
      merge(sheet, 6, 6, 3, 4);
      for (int c : new int[] {2, 5, 6, 7, 8, 9, 10, 11, 12}) {
        merge(sheet, 6, 7, c, c);
      }

      int r = FIRST_DATA_ROW;
      for (PeriodicReport.Line line : report.lines()) {
        putLine(sheet, r++, line, text, text, number);
      }
      putLine(sheet, r, report.total(), header, header, total);
      r += 2;
      put(sheet, r, 0, report.note(), text(book));

      sheet.setColumnWidth(0, 6 * 256);
      sheet.setColumnWidth(1, 48 * 256);
      for (int c = 2; c <= last; c++) {
        sheet.setColumnWidth(c, 12 * 256);
      }
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putLine(Sheet sheet, int r, PeriodicReport.Line line, CellStyle sttStyle, CellStyle labelStyle,
      CellStyle numberStyle) {
    put(sheet, r, 0, line.stt(), sttStyle);
    put(sheet, r, 1, line.label(), labelStyle);
    for (int c = 0; c < line.figures().size(); c++) {
      sheet.getRow(r).createCell(c + 2).setCellValue(line.figures().get(c));
      sheet.getRow(r).getCell(c + 2).setCellStyle(numberStyle);
    }
  }

  private static void put(Sheet sheet, int row, int column, String value, CellStyle style) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    r.createCell(column).setCellValue(value);
    r.getCell(column).setCellStyle(style);
  }

  private static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
    sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
  }

  private static CellStyle text(XSSFWorkbook book) {
    return style(book, false, false, HorizontalAlignment.LEFT);
  }

  /** Times New Roman, as official documents are set (Decree 30/2020/NĐ-CP). */
  private static CellStyle style(XSSFWorkbook book, boolean bold, boolean border, HorizontalAlignment align) {
    CellStyle style = book.createCellStyle();
    Font font = book.createFont();
    font.setFontName("Times New Roman");
    font.setFontHeightInPoints((short) 12);
    font.setBold(bold);
    style.setFont(font);
    style.setAlignment(align);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    style.setWrapText(true);
    if (border) {
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
    }
    return style;
  }
}
