package vn.gov.sct.onestop.online;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierVariables;

/**
 * The result of a returned dossier (level 4), rendered on request as UTF-8 text from the registry row and
 * the document number the office entered. Rendered, not stored at issue time, because it needs no hook in
 * the models (which are being restructured) and is deterministic: the row of a returned dossier no longer
 * changes, so every download is the same bytes. Plain text rather than PDF: it is an information copy of
 * the decision with its number, in correct Vietnamese (a PDF needs an embedded Unicode font and a library);
 * the legally valid document is the office's signed and stamped one, whose electronic form (a digitally
 * signed PDF) is a later step.
 */
@Component
public class ResultDocuments {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final HistoryService history;
  private final ZoneId zone;

  public ResultDocuments(HistoryService history, WorkingCalendar calendar) {
    this.history = history;
    this.zone = calendar.zone();
  }

  public ResultDocument render(Dossier dossier, Procedure procedure) {
    String number = documentNumber(dossier.code());
    StringBuilder text = new StringBuilder()
        .append("SỞ CÔNG THƯƠNG\n")
        .append("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n")
        .append("(Bản thông tin điện tử của văn bản đã ban hành)\n\n")
        .append("Số văn bản: ").append(number == null ? "(chưa ghi số)" : number).append('\n')
        .append("Mã hồ sơ: ").append(dossier.code()).append('\n')
        .append("Thủ tục: ").append(procedure.nameVi()).append('\n')
        .append("Tổ chức, cá nhân: ").append(dossier.applicant().name()).append('\n')
        .append("Kết quả: ").append(dossier.outcome() == null ? "" : dossier.outcome().label()).append('\n')
        .append("Ngày tiếp nhận: ").append(format(dossier.receivedAt())).append('\n')
        .append("Ngày hẹn trả: ").append(format(dossier.dueAt())).append('\n')
        .append("Ngày giải quyết xong: ").append(format(dossier.completedAt())).append('\n');
    if (dossier.timeliness() != null) {
      text.append("Đánh giá: ").append(Timeliness.valueOf(dossier.timeliness()).label()).append('\n');
    }
    text.append("Ngày trả kết quả: ").append(format(dossier.returnedAt())).append("\n\n")
        .append("Văn bản gốc có chữ ký, đóng dấu do Văn phòng Sở phát hành.\n");
    return new ResultDocument("ket-qua-" + dossier.code() + ".txt", "text/plain;charset=UTF-8",
        text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The number the office gave the result (task issueResult), from the history of the dossier's processes. */
  private String documentNumber(String code) {
    List<String> ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (ids.isEmpty()) {
      return null;
    }
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .variableName(DossierVariables.DOCUMENT_NUMBER).list().stream()
        .map(HistoricVariableInstance::getValue)
        .filter(v -> v != null && !v.toString().isBlank())
        .map(Object::toString)
        .findFirst().orElse(null);
  }

  private String format(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }
}
