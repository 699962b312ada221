package vn.gov.sct.onestop.story;

import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.handoff.ControlSlip;
import vn.gov.sct.onestop.handoff.ControlSlipEntry;
import vn.gov.sct.onestop.paper.IssuedPapers;
import vn.gov.sct.onestop.paper.PaperView;
import vn.gov.sct.onestop.paper.RenderedPaper;
import vn.gov.sct.onestop.sla.SlaEvent;
import vn.gov.sct.onestop.sla.SlaEvents;

/**
 * Puts a dossier's story together from our tables (registry and status history, control slip, SLA events,
 * documents received and papers issued) and the engine's history of its process instances (the path through the diagrams). The caller has
 * checked {@link vn.gov.sct.onestop.dossier.DossierAccess}; the history is read with the user's authorizations, so
 * a user who may not read it gets the story without diagrams.
 */
@Service
public class DossierStoryService {

  private final DossierRegistry registry;
  private final ControlSlip controlSlip;
  private final SlaEvents slaEvents;
  private final AttachmentStore attachments;
  private final IssuedPapers papers;
  private final HistoryService history;
  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;
  private final JdbcTemplate jdbc;

  public DossierStoryService(DossierRegistry registry, ControlSlip controlSlip, SlaEvents slaEvents,
      AttachmentStore attachments, IssuedPapers papers, HistoryService history, ProcedureCatalog catalog,
      WorkingCalendar calendar, JdbcTemplate jdbc) {
    this.registry = registry;
    this.controlSlip = controlSlip;
    this.slaEvents = slaEvents;
    this.attachments = attachments;
    this.papers = papers;
    this.history = history;
    this.catalog = catalog;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  public DossierStory story(String code) {
    Dossier d = registry.get(code);
    List<DossierStory.Diagram> diagrams = diagrams(code);
    Map<String, String> stepNames = new HashMap<>();
    diagrams.forEach(g -> g.path().forEach(s -> stepNames.putIfAbsent(s.activityId(), s.name())));

    List<DossierStory.Event> timeline = new ArrayList<>();
    List<StatusChange> changes = statusChanges(code);
    changes.forEach(c -> timeline.add(new DossierStory.Event(c.at(), "STATUS", c.status().label(),
        "Trạng thái " + c.status().code())));
    List<DossierStory.Handoff> handoffs = new ArrayList<>();
    for (ControlSlipEntry e : controlSlip.entries(code)) {
      DossierStory.Handoff h = new DossierStory.Handoff(e.seq(), unit(e.fromUnit()), e.fromUser(), unit(e.toUnit()),
          e.handedAt(), e.dueAt(), e.finishedAt(), e.finishedBy(), e.timeliness(), timelinessLabel(e.timeliness()));
      handoffs.add(h);
      timeline.add(new DossierStory.Event(e.handedAt(), "HANDOFF",
          "Chuyển hồ sơ: " + h.fromUnitName() + " → " + h.toUnitName(),
          (e.fromUser() == null ? "" : "Người giao: " + e.fromUser()) ));
      if (e.finishedAt() != null) {
        timeline.add(new DossierStory.Event(e.finishedAt(), "HANDOFF_DONE",
            h.toUnitName() + " hoàn thành phần việc"
                + (h.timelinessLabel() == null ? "" : " (" + h.timelinessLabel() + ")"),
            e.finishedBy() == null ? "" : "Người thực hiện: " + e.finishedBy()));
      }
    }
    List<DossierStory.Sla> sla = new ArrayList<>();
    for (SlaEvent e : slaEvents.of(code)) {
      String label = switch (e.kind()) {
        case WARNING -> "Cảnh báo sắp đến hạn";
        case OVERDUE -> "Quá hạn bước xử lý";
        case APOLOGY -> "Văn bản xin lỗi và hẹn lại ngày trả kết quả";
        case DUE_DATE_CHANGED -> "Hạn giải quyết thay đổi theo lịch nghỉ chính thức";
      };
      String stepName = stepNames.getOrDefault(e.step(), e.step());
      sla.add(new DossierStory.Sla(e.occurredAt(), e.kind().name(), label, e.step(), stepName, e.detail()));
      timeline.add(new DossierStory.Event(e.occurredAt(), "SLA", label + ": " + stepName,
          e.detail() == null ? "" : e.detail()));
    }
    List<DossierStory.Pause> pauses = pauses(changes);
    List<DossierStory.Document> documents = new ArrayList<>();
    for (Attachment a : attachments.list(code)) {
      // a supplement names the required document it completes, as the task forms group it (review/DocumentList)
      String kindLabel = a.kind() == AttachmentKind.SUBMISSION ? "Thành phần hồ sơ"
          : a.completesDocument() == null ? "Hồ sơ bổ sung khác" : "Hồ sơ bổ sung cho: " + a.completesDocument();
      String link = "/api/v1/dossiers/" + code + "/attachments/" + a.id();
      documents.add(new DossierStory.Document(a.id(), a.kind().name(), kindLabel, a.fileName(), a.contentType(),
          a.size(), a.createdAt(), link, false, null));
      timeline.add(new DossierStory.Event(a.createdAt(), "DOCUMENT", "Nhận tài liệu: " + a.fileName(), kindLabel,
          link));
    }
    // the papers the department issued: the same listing (and links) as the staff papers endpoint
    for (PaperView p : papers.views(code)) {
      documents.add(new DossierStory.Document(p.kind() + "-" + p.seq(), p.kind(), p.label(), "Số " + p.number(),
          RenderedPaper.PDF, null, p.issuedAt(), p.href(), true, p.issuedBy()));
      timeline.add(new DossierStory.Event(p.issuedAt(), "PAPER", "Lập giấy tờ: " + p.label() + " số " + p.number(),
          p.issuedBy() == null ? "" : "Người lập: " + p.issuedBy(), p.href()));
    }
    documents.sort(Comparator.comparing(DossierStory.Document::createdAt));
    // stable: events at the same instant keep the order they were added in (status, handoffs, SLA, documents,
    // papers)
    timeline.sort(Comparator.comparing(DossierStory.Event::at));
    return new DossierStory(facts(d), timeline, handoffs, sla, pauses, documents, diagrams);
  }

  private DossierStory.Facts facts(Dossier d) {
    Instant rescheduled = jdbc.query("select rescheduled_due_at from dossier where code = ?",
        (rs, n) -> instant(rs, "rescheduled_due_at"), d.code()).stream().filter(i -> i != null).findFirst()
        .orElse(null);
    boolean running = d.completedAt() == null && d.status() != DossierStatus.NOT_RECEIVED
        && d.status() != DossierStatus.WITHDRAWN && d.status() != DossierStatus.STOPPED;
    return new DossierStory.Facts(d.code(), d.procedureCode(),
        catalog.findByCode(d.procedureCode()).map(p -> p.nameVi()).orElse(d.procedureCode()), d.division(),
        unit(d.division()), d.channel().label(), d.status().code(), d.status().label(), d.applicant().name(),
        d.applicant().idNumber(), d.applicant().phone(), d.applicant().email(), d.applicant().address(),
        d.registeredAt(), d.receivedAt(), d.dueAt(), rescheduled, d.deadlineDays(), d.completedAt(), d.returnedAt(),
        d.outcome() == null ? null : d.outcome().name(), d.timeliness(), timelinessLabel(d.timeliness()), running,
        d.processInstanceId());
  }

  private record StatusChange(DossierStatus status, Instant at, Instant endedAt) {}

  private List<StatusChange> statusChanges(String code) {
    return jdbc.query("select status, changed_at, ended_at from dossier_status_change where dossier_code = ? "
            + "order by changed_at, id",
        (rs, n) -> new StatusChange(DossierStatus.ofCode(rs.getInt("status")), instant(rs, "changed_at"),
            instant(rs, "ended_at")), code);
  }

  private List<DossierStory.Pause> pauses(List<StatusChange> changes) {
    long day = calendar.dayLength().toMinutes();
    return changes.stream().filter(c -> c.status() == DossierStatus.SUPPLEMENT_REQUESTED).map(c -> {
      long minutes = calendar.workingMinutesBetween(c.at(), c.endedAt() == null ? EngineClock.now() : c.endedAt());
      return new DossierStory.Pause(c.at(), c.endedAt(), minutes,
          BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(day), 2, RoundingMode.HALF_UP));
    }).toList();
  }

  private List<DossierStory.Diagram> diagrams(String code) {
    List<DossierStory.Diagram> diagrams = new ArrayList<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .orderByProcessInstanceStartTime().asc().list()) {
      List<DossierStory.Step> path = history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
          .map(DossierStoryService::step).toList();
      List<String> current = path.stream().filter(s -> s.endedAt() == null).map(DossierStory.Step::activityId)
          .toList();
      diagrams.add(new DossierStory.Diagram(pi.getId(), pi.getProcessDefinitionId(), pi.getProcessDefinitionKey(),
          pi.getProcessDefinitionName(), pi.getSuperProcessInstanceId(), instantOf(pi.getStartTime()),
          instantOf(pi.getEndTime()), pi.getEndTime() == null, path, current));
    }
    return diagrams;
  }

  private static DossierStory.Step step(HistoricActivityInstance a) {
    return new DossierStory.Step(a.getActivityId(), a.getActivityName(), a.getActivityType(),
        instantOf(a.getStartTime()), instantOf(a.getEndTime()), a.isCanceled(), a.getAssignee(),
        a.getCalledProcessInstanceId());
  }

  private static Instant instantOf(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }

  private String unit(String id) {
    return catalog.divisions().stream().filter(x -> x.id().equals(id)).map(Division::name).findFirst().orElse(id);
  }

  private static String timelinessLabel(String timeliness) {
    return timeliness == null ? null : Timeliness.valueOf(timeliness).label();
  }
}
