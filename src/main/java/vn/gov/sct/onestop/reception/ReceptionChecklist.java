package vn.gov.sct.onestop.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.EngineClock;

/**
 * The checklists recorded at reception, in table {@code reception_checklist_item}: one per completeness check
 * of a dossier (round 1, then round 2 after a supplement ...), earlier rounds kept. {@link #items(String)} is
 * what the receipt (form 01) and the supplement request (form 02) print.
 */
@Component
public class ReceptionChecklist {

  private final JdbcTemplate jdbc;

  public ReceptionChecklist(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The dossier's latest checklist, in its order; empty when none was recorded. */
  public List<ChecklistItem> items(String dossierCode) {
    // one statement: the receipt and the completeness check's form ask in steps that read nothing else of it
    return jdbc.query(SELECT + " and round = (select max(round) from reception_checklist_item where dossier_code = ?)"
        + " order by sequence", ReceptionChecklist::item, dossierCode, dossierCode);
  }

  /** The checklist of one round of the completeness check (1 = the first). */
  public List<ChecklistItem> items(String dossierCode, int round) {
    return jdbc.query(SELECT + " and round = ? order by sequence", ReceptionChecklist::item, dossierCode, round);
  }

  private static final String SELECT = """
      select sequence, document_name, required, received, paper_form, copies, note
      from reception_checklist_item where dossier_code = ?""";

  private static ChecklistItem item(ResultSet rs, int n) throws SQLException {
    String form = rs.getString("paper_form");
    PaperForm paperForm = form == null ? null : PaperForm.valueOf(form);
    return new ChecklistItem(rs.getInt("sequence"), rs.getString("document_name"), rs.getBoolean("required"),
        rs.getBoolean("received"), paperForm, paperForm == null ? null : paperForm.label(), rs.getInt("copies"),
        rs.getString("note"));
  }

  /** 0 when no checklist was recorded yet. */
  public int lastRound(String dossierCode) {
    Integer round = jdbc.queryForObject("select max(round) from reception_checklist_item where dossier_code = ?",
        Integer.class, dossierCode);
    return round == null ? 0 : round;
  }

  /** Records the next round's checklist, in the engine's transaction; answers its round. */
  int record(String dossierCode, List<ChecklistItem> items, String recordedBy) {
    int round = lastRound(dossierCode) + 1;
    Instant now = EngineClock.now();
    if (items.isEmpty()) {
      return round;
    }
    // one batch for the round's items: one round trip, not one per document
    jdbc.batchUpdate("""
        insert into reception_checklist_item (dossier_code, round, sequence, document_name, required, received,
            paper_form, copies, note, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        items.stream().map(item -> new Object[] {dossierCode, round, item.sequence(), item.documentName(),
            item.required(), item.received(), item.paperForm() == null ? null : item.paperForm().name(), item.copies(),
            item.note(), now.atOffset(ZoneOffset.UTC), recordedBy}).toList());
    return round;
  }
}
