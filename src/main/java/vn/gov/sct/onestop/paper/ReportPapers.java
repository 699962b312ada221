package vn.gov.sct.onestop.paper;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.handoff.ControlSlip;

/**
 * The papers that show things as they stand rather than as issued: the control slip (its handoff lines so far)
 * and the tracking book of a period. Their data is gathered here; {@link PdfRenderer} and {@link TrackingBookXlsx}
 * lay it out.
 */
@Service
public class ReportPapers {

  private final DossierRegistry registry;
  private final ControlSlip controlSlip;
  private final ProcedureCatalog catalog;
  private final FormCatalog forms;
  private final PapersProperties properties;
  private final PdfRenderer renderer;
  private final JdbcTemplate jdbc;
  private final PaperDates dates;

  public ReportPapers(DossierRegistry registry, ControlSlip controlSlip, ProcedureCatalog catalog, FormCatalog forms,
      PapersProperties properties, PdfRenderer renderer, JdbcTemplate jdbc, WorkingCalendar calendar) {
    this.registry = registry;
    this.controlSlip = controlSlip;
    this.catalog = catalog;
    this.forms = forms;
    this.properties = properties;
    this.renderer = renderer;
    this.jdbc = jdbc;
    this.dates = new PaperDates(calendar.zone());
  }

  /** The control slip of a dossier as PDF, with the form in force on the day the dossier was received. */
  public RenderedPaper controlSlip(String code) {
    Dossier dossier = registry.get(code);
    Instant now = EngineClock.now();
    Instant formDay = dossier.receivedAt() == null ? dossier.registeredAt() : dossier.receivedAt();
    Map<String, Object> d = heading(forms.inForce(PaperKind.CONTROL_SLIP, dates.day(formDay)), code, now);
    d.put("dossierCode", code);
    d.put("procedureName", procedureName(dossier.procedureCode()));
    d.put("applicantName", dossier.applicant().name());
    d.put("receivedAt", dates.timeAndDate(dossier.receivedAt()));
    d.put("dueAt", dates.timeAndDate(dossier.dueAt()));
    List<Map<String, Object>> lines = new ArrayList<>();
    controlSlip.entries(code).forEach(e -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("seq", e.seq());
      line.put("from", unit(e.fromUnit()) + (e.fromUser() == null ? "" : " (" + e.fromUser() + ")"));
      line.put("to", unit(e.toUnit()));
      line.put("handedAt", dates.timeAndDate(e.handedAt()));
      line.put("dueAt", dates.timeAndDate(e.dueAt()));
      line.put("finishedAt", dates.timeAndDate(e.finishedAt())
          + (e.finishedBy() == null ? "" : " (" + e.finishedBy() + ")"));
      line.put("timeliness", e.timeliness() == null ? "" : Timeliness.valueOf(e.timeliness()).label());
      lines.add(line);
    });
    d.put("lines", lines);
    byte[] pdf = renderer.pdf((String) d.get("template"), Papers.model(d), now, d.get("formTitle") + " " + code);
    return new RenderedPaper(Papers.fileName(PaperKind.CONTROL_SLIP, code, 1), RenderedPaper.PDF, pdf);
  }

  /** One line of the tracking book. */
  public record BookLine(int seq, String dossierCode, String procedureName, String sets, String applicantName,
      String applicantContact, String division, String receivedAt, String dueAt, String handedToDivisionAt,
      String resultBackAt, String returnedAt, String note) {}

  /** The tracking book's lines: every dossier received in [from, to] (days in the calendar's zone), in order. */
  public List<BookLine> bookLines(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(dates.zone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(dates.zone()).toInstant();
    List<BookLine> lines = new ArrayList<>();
    jdbc.query("""
        select d.code, d.procedure_code, d.division, d.applicant_name, d.applicant_address, d.applicant_phone,
               d.received_at, d.due_at, d.returned_at, d.status, d.timeliness,
               (select min(h.handed_at) from dossier_handoff h where h.dossier_code = d.code and h.seq = 1) handed_at,
               (select max(h.handed_at) from dossier_handoff h where h.dossier_code = d.code and h.seq > 1
                  and h.to_unit = 'one-stop') back_at
        from dossier d
        where d.received_at >= ? and d.received_at < ?
        order by d.received_at, d.code""", rs -> {
          String contact = String.join(", ", nonBlank(rs.getString("applicant_address"), rs.getString("applicant_phone")));
          String timeliness = rs.getString("timeliness");
          String note = DossierStatus.ofCode(rs.getInt("status")).label()
              + (timeliness == null ? "" : " (" + Timeliness.valueOf(timeliness).label() + ")");
          lines.add(new BookLine(lines.size() + 1, rs.getString("code"), procedureName(rs.getString("procedure_code")),
              "01", rs.getString("applicant_name"), contact, unit(rs.getString("division")),
              dates.timeAndDate(instant(rs, "received_at")), dates.timeAndDate(instant(rs, "due_at")),
              dates.timeAndDate(instant(rs, "handed_at")), dates.timeAndDate(instant(rs, "back_at")),
              dates.timeAndDate(instant(rs, "returned_at")), note));
        }, at(start), at(end));
    return lines;
  }

  /** The form of the tracking book in force on the period's last day. */
  FormVersion bookForm(LocalDate to) {
    return forms.inForce(PaperKind.TRACKING_BOOK, to);
  }

  public RenderedPaper trackingBookPdf(LocalDate from, LocalDate to) {
    Instant now = EngineClock.now();
    Map<String, Object> d = heading(bookForm(to), "", now);
    d.put("period", "Từ ngày %s đến ngày %s".formatted(day(from), day(to)));
    d.put("lines", bookLines(from, to).stream().map(ReportPapers::asMap).toList());
    byte[] pdf = renderer.pdf((String) d.get("template"), Papers.model(d), now, (String) d.get("formTitle"));
    return new RenderedPaper("so-theo-doi-ho-so-" + from + "-" + to + ".pdf", RenderedPaper.PDF, pdf);
  }

  public RenderedPaper trackingBookXlsx(LocalDate from, LocalDate to) {
    FormVersion form = bookForm(to);
    String title = (form.number() == null ? "" : "Mẫu số " + form.number() + " - ") + form.title();
    byte[] xlsx = TrackingBookXlsx.write(title, properties.agency() + " - " + properties.unit(),
        "Từ ngày %s đến ngày %s".formatted(day(from), day(to)), bookLines(from, to));
    return new RenderedPaper("so-theo-doi-ho-so-" + from + "-" + to + ".xlsx", RenderedPaper.XLSX, xlsx);
  }

  private Map<String, Object> heading(FormVersion form, String number, Instant now) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("governingBody", properties.governingBody());
    d.put("agency", properties.agency());
    d.put("unit", properties.unit());
    d.put("sectionName", properties.sectionName());
    d.put("formNumber", form.number());
    d.put("formTitle", form.title());
    d.put("legalBasis", form.legalBasis());
    d.put("template", form.template());
    d.put("number", number);
    d.put("placeAndDate", dates.placeAndDate(properties.place(), now));
    return d;
  }

  /** A line as the template reads it (the template engine reads maps, not record components). */
  private static Map<String, Object> asMap(BookLine l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", l.seq());
    m.put("dossierCode", l.dossierCode());
    m.put("procedureName", l.procedureName());
    m.put("sets", l.sets());
    m.put("applicantName", l.applicantName());
    m.put("applicantContact", l.applicantContact());
    m.put("division", l.division());
    m.put("receivedAt", l.receivedAt());
    m.put("dueAt", l.dueAt());
    m.put("handedToDivisionAt", l.handedToDivisionAt());
    m.put("resultBackAt", l.resultBackAt());
    m.put("returnedAt", l.returnedAt());
    m.put("note", l.note());
    return m;
  }

  private static String day(LocalDate d) {
    return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  private String procedureName(String code) {
    return catalog.findByCode(code).map(p -> p.nameVi()).orElse(code);
  }

  private String unit(String id) {
    return id == null ? "" : catalog.divisions().stream().filter(x -> x.id().equals(id)).map(Division::name)
        .findFirst().orElse(id);
  }

  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }
}
