package vn.gov.sct.onestop.sla;

import static vn.gov.sct.onestop.SqlTimestamps.instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.dossier.DossierAccess;

/**
 * Staff list of the legal due dates that moved later when an official holiday notice replaced the provisional
 * calendar (table {@code due_date_change}, written by {@link ProvisionalDueDates}); each dossier only for those who
 * may see it ({@link DossierAccess}). Read by the Cockpit dashboard's section "Hạn giải quyết thay đổi theo lịch
 * nghỉ chính thức".
 */
@RestController
@RequestMapping(path = "/api/v1/monitoring", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Theo dõi", description = "Staff monitoring lists")
public class DueDateChangesController {

  /** How many of the latest changes the list shows. */
  static final int LIMIT = 500;

  private final JdbcTemplate jdbc;
  private final DossierAccess access;

  public DueDateChangesController(JdbcTemplate jdbc, DossierAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** One changed due date, newest first. */
  public record DueDateChange(String dossierCode, String procedureCode, String applicantName, Instant previousDueAt,
      Instant newDueAt, String calendarYears, String reason, Instant changedAt, String processInstanceId) {}

  @GetMapping("/due-date-changes")
  @Operation(summary = "Hồ sơ có hạn giải quyết thay đổi khi có lịch nghỉ chính thức",
      description = "The legal due dates moved later (never earlier than the receipt's promise) when an official "
          + "holiday notice replaced the provisional calendar; only dossiers the signed-in user may see.")
  public List<DueDateChange> dueDateChanges() {
    return jdbc.query("""
        select c.dossier_code, d.procedure_code, d.applicant_name, c.previous_due_at, c.new_due_at, c.calendar_years,
               c.reason, c.changed_at, d.process_instance_id
        from due_date_change c join dossier d on d.code = c.dossier_code
        order by c.changed_at desc, c.id desc""",
        rs -> {
          List<DueDateChange> rows = new java.util.ArrayList<>();
          while (rs.next() && rows.size() < LIMIT) {
            String code = rs.getString("dossier_code");
            if (access.canSee(code)) {
              rows.add(new DueDateChange(code, rs.getString("procedure_code"), rs.getString("applicant_name"),
                  instant(rs, "previous_due_at"), instant(rs, "new_due_at"), rs.getString("calendar_years"),
                  rs.getString("reason"), instant(rs, "changed_at"), rs.getString("process_instance_id")));
            }
          }
          return rows;
        });
  }
}
