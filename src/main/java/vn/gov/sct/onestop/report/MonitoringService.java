package vn.gov.sct.onestop.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.SqlTimestamps;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * Giám sát: dossiers in process (received or with a division) that are due within two working days, or past
 * their legal due date. The registry gives the dossiers (index {@code dossier_status_due}); the engine gives
 * their open tasks in one task query by business key, and their process instances in one more.
 */
@Service
public class MonitoringService {

  /** "Sắp đến hạn": due within this many working days. */
  public static final BigDecimal AT_RISK_DAYS = BigDecimal.valueOf(2);
  /** The lists are for people; more rows than this are cut, the most urgent first. */
  public static final int MAX_ROWS = 500;

  private static final String SQL = """
      select code, procedure_code, division, applicant_name, received_at, due_at, process_instance_id
      from dossier
      where status in (%d, %d) and due_at >= ? and due_at < ?
      order by due_at, code
      fetch first %d rows only""".formatted(DossierStatus.RECEIVED.code(), DossierStatus.IN_PROCESS.code(), MAX_ROWS);

  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WorkingCalendar calendar;
  private final ProcedureCatalog catalog;

  public MonitoringService(JdbcTemplate jdbc, TaskService taskService, RuntimeService runtimeService,
      WorkingCalendar calendar, ProcedureCatalog catalog) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.catalog = catalog;
  }

  /** Due from now to two working days from now. */
  public List<MonitoredDossier> atRisk() {
    Instant now = EngineClock.now();
    return dossiers(now, calendar.addWorkingDays(now, AT_RISK_DAYS));
  }

  /** Due before now and still in process. */
  public List<MonitoredDossier> overdue() {
    return dossiers(Instant.EPOCH, EngineClock.now());
  }

  private List<MonitoredDossier> dossiers(Instant dueFrom, Instant dueBefore) {
    List<Row> rows = jdbc.query(SQL, (rs, i) -> new Row(rs.getString("code"), rs.getString("procedure_code"),
        rs.getString("division"), rs.getString("applicant_name"), SqlTimestamps.instant(rs, "received_at"),
        SqlTimestamps.instant(rs, "due_at"), rs.getString("process_instance_id")),
        SqlTimestamps.at(dueFrom), SqlTimestamps.at(dueBefore));
    Map<String, List<MonitoredDossier.Step>> steps = openSteps(rows.stream().map(Row::code).toList());
    List<MonitoredDossier> result = new ArrayList<>();
    for (Row r : rows) {
      result.add(new MonitoredDossier(r.code(), r.procedureCode(), procedureName(r.procedureCode()), r.division(),
          divisionName(r.division()), r.applicantName(), r.receivedAt(), r.dueAt(), r.processInstanceId(),
          steps.getOrDefault(r.code(), List.of())));
    }
    return result;
  }

  /** The open tasks of the dossiers, by dossier code: one task query and one process-instance query. */
  private Map<String, List<MonitoredDossier.Step>> openSteps(List<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKeyIn(codes.toArray(String[]::new))
        .list();
    Set<String> instanceIds = new HashSet<>();
    tasks.forEach(t -> instanceIds.add(t.getProcessInstanceId()));
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    Map<String, List<MonitoredDossier.Step>> byCode = new HashMap<>();
    for (Task t : tasks) {
      String code = businessKeys.get(t.getProcessInstanceId());
      if (code != null) {
        byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(new MonitoredDossier.Step(t.getTaskDefinitionKey(),
            t.getName(), t.getProcessInstanceId(), t.getAssignee(), instant(t.getDueDate())));
      }
    }
    return byCode;
  }

  private String procedureName(String code) {
    return catalog.findByCode(code).map(Procedure::nameVi).orElse(code);
  }

  private String divisionName(String id) {
    return catalog.divisions().stream().filter(d -> d.id().equals(id)).map(Division::name).findFirst().orElse(id);
  }

  private static Instant instant(Date value) {
    return value == null ? null : value.toInstant();
  }

  private record Row(String code, String procedureCode, String division, String applicantName, Instant receivedAt,
      Instant dueAt, String processInstanceId) {}
}
