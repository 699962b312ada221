package vn.gov.sct.onestop.paper;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.Sha256;

/** The table {@code issued_paper}: written in the engine's transaction by the step that issues a paper. */
@Repository
public class IssuedPapers {

  private final JdbcTemplate jdbc;
  /** Its own transaction: a download may run in a read-only one (the citizen API's lookups). */
  private final TransactionTemplate ownTransaction;

  public IssuedPapers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next sequence number of this kind of paper for the dossier (1 for the first). */
  int nextSeq(String dossierCode, PaperKind kind) {
    Integer max = jdbc.queryForObject("select max(seq) from issued_paper where dossier_code = ? and kind = ?",
        Integer.class, dossierCode, kind.name());
    return max == null ? 1 : max + 1;
  }

  /** Receipts issued in [from, to): the tracking book's line number of the next one is this count plus one. */
  int receiptsIssuedBetween(Instant from, Instant to) {
    return jdbc.queryForObject("select count(*) from issued_paper where kind = ? and issued_at >= ? and issued_at < ?",
        Integer.class, PaperKind.RECEIPT.name(), at(from), at(to));
  }

  void insert(String dossierCode, PaperKind kind, int seq, FormVersion form, String number, Instant issuedAt,
      String issuedBy, String data) {
    jdbc.update("""
        insert into issued_paper (dossier_code, kind, seq, form_edition, form_number, paper_number, issued_at,
            issued_by, data, data_sha256)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        dossierCode, kind.name(), seq, form.edition(), form.number(), number, at(issuedAt), issuedBy, data,
        Sha256.hex(data));
  }

  /** Records the SHA-256 of the paper's PDF the first time it is rendered. */
  void recordPdfSha256(IssuedPaper paper, String sha256) {
    ownTransaction.executeWithoutResult(status -> jdbc.update("update issued_paper set pdf_sha256 = ? "
        + "where dossier_code = ? and kind = ? and seq = ? and pdf_sha256 is null",
        sha256, paper.dossierCode(), paper.kind().name(), paper.seq()));
  }

  public List<IssuedPaper> list(String dossierCode) {
    return jdbc.query("select * from issued_paper where dossier_code = ? order by issued_at, kind, seq",
        IssuedPapers::map, dossierCode);
  }

  /**
   * The dossier's issued papers as the staff API lists them, oldest first, each with the link that serves its PDF:
   * the papers endpoint and the dossier's story both read this.
   */
  public List<PaperView> views(String dossierCode) {
    return list(dossierCode).stream().map(PaperView::of).toList();
  }

  /** The paper of this kind with this sequence number, or the latest one when {@code seq} is null. */
  public Optional<IssuedPaper> find(String dossierCode, PaperKind kind, Integer seq) {
    List<IssuedPaper> rows = seq == null
        ? jdbc.query("select * from issued_paper where dossier_code = ? and kind = ? order by seq desc",
            IssuedPapers::map, dossierCode, kind.name())
        : jdbc.query("select * from issued_paper where dossier_code = ? and kind = ? and seq = ?",
            IssuedPapers::map, dossierCode, kind.name(), seq);
    return rows.stream().findFirst();
  }

  private static IssuedPaper map(ResultSet rs, int row) throws SQLException {
    return new IssuedPaper(rs.getString("dossier_code"), PaperKind.valueOf(rs.getString("kind")), rs.getInt("seq"),
        rs.getString("form_edition"), rs.getString("form_number"), rs.getString("paper_number"),
        instant(rs, "issued_at"), rs.getString("issued_by"), rs.getString("data"), rs.getString("data_sha256"),
        rs.getString("pdf_sha256"));
  }
}
