package vn.gov.sct.onestop.paper;

import static vn.gov.sct.onestop.dossier.DossierVariables.APOLOGY_REASON;
import static vn.gov.sct.onestop.dossier.DossierVariables.APPRAISAL_NOTE;
import static vn.gov.sct.onestop.dossier.DossierVariables.DOCUMENT_NUMBER;
import static vn.gov.sct.onestop.dossier.DossierVariables.DOSSIER_CODE;
import static vn.gov.sct.onestop.dossier.DossierVariables.NEW_DUE_AT;
import static vn.gov.sct.onestop.dossier.DossierVariables.RECEPTION_NOTE;
import static vn.gov.sct.onestop.dossier.DossierVariables.SUPPLEMENT_DEADLINE;
import static vn.gov.sct.onestop.dossier.DossierVariables.instant;
import static vn.gov.sct.onestop.dossier.DossierVariables.requiredText;
import static vn.gov.sct.onestop.dossier.DossierVariables.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.online.LookupSecrets;

/**
 * Issues a paper when the step that decides it ends (see {@link PaperSteps}): freezes what the paper shows (the
 * form in force today, its number, the dossier's facts, the note or reason of the step, the documents received) as
 * JSON in {@code issued_paper}, in the engine's transaction. Nothing is rendered here; a download renders the frozen
 * data, so a step costs one insert and every download of the paper is the same document.
 */
@Component
public class PaperIssuer {

  static final ObjectMapper JSON = new ObjectMapper();

  private final IssuedPapers issued;
  private final FormCatalog forms;
  private final DossierRegistry registry;
  private final ProcedureCatalog catalog;
  private final ReceiptFacts receiptFacts;
  private final LookupSecrets secrets;
  private final PapersProperties properties;
  private final PaperDates dates;

  public PaperIssuer(IssuedPapers issued, FormCatalog forms, DossierRegistry registry, ProcedureCatalog catalog,
      ReceiptFacts receiptFacts, LookupSecrets secrets, PapersProperties properties, WorkingCalendar calendar) {
    this.issued = issued;
    this.forms = forms;
    this.registry = registry;
    this.catalog = catalog;
    this.receiptFacts = receiptFacts;
    this.secrets = secrets;
    this.properties = properties;
    this.dates = new PaperDates(calendar.zone());
  }

  public void issue(PaperKind kind, DelegateExecution execution) {
    String code = requiredText(execution, DOSSIER_CODE);
    Instant now = EngineClock.now();
    FormVersion form = forms.inForce(kind, dates.day(now));
    int seq = issued.nextSeq(code, kind);
    String number = kind.number(code, seq);
    Dossier dossier = registry.get(code);
    Map<String, Object> data = common(form, dossier, number, now, issuer(execution));
    switch (kind) {
      case RECEIPT -> receipt(data, dossier, now);
      case SUPPLEMENT_REQUEST -> {
        boolean atReception = "requestSupplement".equals(execution.getCurrentActivityId());
        data.put("stage", atReception ? "tiếp nhận" : "thẩm định");
        data.put("note", text(execution, atReception ? RECEPTION_NOTE : APPRAISAL_NOTE));
        data.put("supplementDeadline", dates.date(instant(execution, SUPPLEMENT_DEADLINE)));
      }
      case REFUSAL -> data.put("reason", text(execution, RECEPTION_NOTE));
      case APOLOGY -> {
        data.put("originalDue", dates.timeAndDate(dossier.dueAt()));
        data.put("newDue", dates.timeAndDate(instant(execution, NEW_DUE_AT)));
        data.put("reason", text(execution, APOLOGY_REASON));
      }
      case RESULT_COPY -> {
        data.put("documentNumber", text(execution, DOCUMENT_NUMBER));
        data.put("documentDate", dates.date(now));
        data.put("outcome", dossier.outcome() == null ? "" : dossier.outcome().label());
        data.put("receivedAt", dates.timeAndDate(dossier.receivedAt()));
        data.put("dueAt", dates.timeAndDate(dossier.dueAt()));
        data.put("completedAt", dates.timeAndDate(dossier.completedAt()));
        data.put("timeliness", dossier.timeliness() == null ? "" : Timeliness.valueOf(dossier.timeliness()).label());
      }
      default -> throw new IllegalArgumentException(kind + " is not issued by a step");
    }
    issued.insert(code, kind, seq, form, number, now, (String) data.get("issuedBy"), json(data));
  }

  /** What every paper shows: the agency block, the form, number and date, the dossier and its applicant. */
  private Map<String, Object> common(FormVersion form, Dossier dossier, String number, Instant now, String by) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("governingBody", properties.governingBody());
    data.put("agency", properties.agency());
    data.put("unit", properties.unit());
    data.put("sectionName", properties.sectionName());
    data.put("formNumber", form.number());
    data.put("formTitle", form.title());
    data.put("legalBasis", form.legalBasis());
    data.put("template", form.template());
    data.put("number", number);
    data.put("issuedAt", now.toString());
    data.put("placeAndDate", dates.placeAndDate(properties.place(), now));
    data.put("issuedBy", by);
    data.put("dossierCode", dossier.code());
    data.put("procedureName", catalog.findByCode(dossier.procedureCode()).map(p -> p.nameVi())
        .orElse(dossier.procedureCode()));
    data.put("applicantName", dossier.applicant().name());
    data.put("applicantAddress", blank(dossier.applicant().address()));
    data.put("applicantPhone", blank(dossier.applicant().phone()));
    data.put("applicantEmail", blank(dossier.applicant().email()));
    data.put("channel", dossier.channel().label());
    return data;
  }

  private void receipt(Map<String, Object> data, Dossier dossier, Instant now) {
    List<Map<String, Object>> documents = receiptFacts.documentsReceived(dossier.code()).stream().map(d -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", d.name());
      line.put("paperForm", blank(d.paperForm()));
      line.put("copies", d.copies() == null ? "" : "%02d".formatted(d.copies()));
      line.put("note", blank(d.note()));
      return line;
    }).toList();
    data.put("documents", documents);
    data.put("sets", "01");
    data.put("deadline", PaperDates.workingDays(dossier.deadlineDays()));
    data.put("receivedAt", dates.timeAndDate(dossier.receivedAt()));
    data.put("dueAt", dates.timeAndDate(dossier.dueAt()));
    data.put("returnPlace", properties.returnPlace());
    LocalDate day = dates.day(now);
    Instant yearStart = day.withDayOfYear(1).atStartOfDay(dates.zone()).toInstant();
    data.put("bookVolume", String.valueOf(day.getYear()));
    data.put("bookLine", String.valueOf(issued.receiptsIssuedBetween(yearStart, now) + 1));
    data.put("lookupUrl", properties.lookupUrl() + "?ma=" + dossier.code());
    // A counter dossier gets its lookup secret now, printed on the receipt (the applicant has no other copy);
    // an online applicant already has theirs from the submission.
    data.put("lookupSecret", dossier.channel() == Channel.ONLINE ? "" : blank(secrets.issueForCounter(dossier.code())));
  }

  /** The signed-in user who completed the step (none when a timer job ran it). */
  private static String issuer(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
