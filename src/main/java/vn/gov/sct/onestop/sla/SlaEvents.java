package vn.gov.sct.onestop.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code sla_event}, written by the SLA delegates inside the engine's transaction; each event is also
 * published in that transaction (the staff notifications listen).
 */
@Repository
public class SlaEvents {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public SlaEvents(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void record(String dossierCode, String step, SlaEventKind kind, Instant at, String detail) {
    jdbc.update("insert into sla_event (dossier_code, step, kind, occurred_at, detail) values (?, ?, ?, ?, ?)",
        dossierCode, step, kind.name(), at.atOffset(ZoneOffset.UTC), detail);
    events.publishEvent(new SlaEvent(dossierCode, step, kind, at, detail));
  }

  public List<SlaEvent> of(String dossierCode) {
    return jdbc.query("select * from sla_event where dossier_code = ? order by occurred_at, id",
        (rs, row) -> new SlaEvent(rs.getString("dossier_code"), rs.getString("step"),
            SlaEventKind.valueOf(rs.getString("kind")), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("detail")),
        dossierCode);
  }
}
