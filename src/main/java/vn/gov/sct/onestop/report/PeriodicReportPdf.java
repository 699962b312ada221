package vn.gov.sct.onestop.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.paper.PaperDates;
import vn.gov.sct.onestop.paper.PapersProperties;
import vn.gov.sct.onestop.paper.PdfRenderer;

/**
 * The periodic report to the city as PDF: {@link PeriodicReport} (the model the spreadsheet reads too) laid out by
 * the papers' renderer with the template {@code papers/templates/periodic-report.html}: A4 landscape, the agency
 * block and national heading of Decree 30/2020/NĐ-CP as on the one-stop papers, fonts embedded, PDF/A-2u.
 */
@Component
public class PeriodicReportPdf {

  private final PdfRenderer renderer;
  private final PapersProperties papers;
  private final PaperDates dates;

  public PeriodicReportPdf(PdfRenderer renderer, PapersProperties papers, WorkingCalendar calendar) {
    this.renderer = renderer;
    this.papers = papers;
    this.dates = new PaperDates(calendar.zone());
  }

  public byte[] bytes(PeriodicReport report) {
    Instant now = EngineClock.now();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("governingBody", papers.governingBody());
    d.put("agency", report.agencyName());
    d.put("formNumber", report.form().number());
    d.put("formTitle", report.form().title());
    d.put("legalBasis", report.form().legalBasis());
    d.put("unitLine", report.form().unit());
    d.put("period", report.periodText());
    d.put("placeAndDate", dates.placeAndDate(papers.place(), now));
    d.put("columns", PeriodicReport.COLUMNS);
    // the template engine reads maps, not record components
    d.put("lines", report.lines().stream().map(PeriodicReportPdf::asMap).toList());
    d.put("total", asMap(report.total()));
    d.put("note", report.note());
    return renderer.pdf("periodic-report", Map.of("d", d), now,
        report.form().title() + " " + report.periodText());
  }

  private static Map<String, Object> asMap(PeriodicReport.Line line) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stt", line.stt());
    m.put("label", line.label());
    m.put("figures", List.copyOf(line.figures()));
    return m;
  }
}
