package vn.gov.sct.onestop.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.sct.onestop.EngineClock;

/**
 * Documents of dossiers, content included, in table {@code dossier_attachment}. In the database rather
 * than a folder: written in the engine's transaction (a failed submission leaves no file behind, a
 * withdrawn one keeps what it had), backed up with the rest, shared by every node of a cluster, and no
 * name from a request ever becomes a path. The process refers to them by id (variable
 * {@value #VARIABLE}).
 */
@Repository
public class AttachmentStore {

  /** Process variable: the ids of a dossier's attachments, comma-separated, oldest first. */
  public static final String VARIABLE = "attachmentIds";

  private final JdbcTemplate jdbc;

  public AttachmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** New ids for files about to be stored, known before the process starts so it can carry them. */
  public static List<String> newIds(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
  }

  public List<Attachment> store(String dossierCode, AttachmentKind kind, List<String> ids, List<NewFile> files) {
    return store(dossierCode, kind, ids, files, List.of());
  }

  /**
   * Stores files with, for each, the required document it completes ({@code completes} by position; shorter than
   * the files or holding null where not said).
   */
  public List<Attachment> store(String dossierCode, AttachmentKind kind, List<String> ids, List<NewFile> files,
      List<String> completes) {
    Instant now = EngineClock.now();
    List<Attachment> stored = IntStream.range(0, files.size()).mapToObj(i -> new Attachment(ids.get(i),
        dossierCode, kind, files.get(i).fileName(), files.get(i).type().mediaType(), files.get(i).size(),
        files.get(i).sha256(), now, i < completes.size() ? completes.get(i) : null)).toList();
    if (stored.isEmpty()) {
      return stored;
    }
    // one batch for the files of a submission or supplement; what was stored is answered from what was written
    // (the engine clock has millisecond precision, which the column keeps), not read back
    jdbc.batchUpdate("""
        insert into dossier_attachment (id, dossier_code, kind, position, file_name, content_type, size_bytes,
            sha256, content, created_at, completes_document) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        IntStream.range(0, files.size()).mapToObj(i -> new Object[] {ids.get(i), dossierCode,
            kind.name(), i, files.get(i).fileName(), files.get(i).type().mediaType(), files.get(i).size(),
            files.get(i).sha256(), files.get(i).content(), now.atOffset(ZoneOffset.UTC), stored.get(i).completesDocument()})
            .toList());
    return stored;
  }

  public List<Attachment> list(String dossierCode) {
    return jdbc.query("""
        select id, dossier_code, kind, file_name, content_type, size_bytes, sha256, created_at, completes_document
        from dossier_attachment where dossier_code = ? order by created_at, kind, position""", AttachmentStore::map, dossierCode);
  }

  public long totalSize(String dossierCode) {
    Long total = jdbc.queryForObject(
        "select coalesce(sum(size_bytes), 0) from dossier_attachment where dossier_code = ?", Long.class, dossierCode);
    return total == null ? 0 : total;
  }

  public Optional<byte[]> content(String dossierCode, String id) {
    List<byte[]> rows = jdbc.query("select content from dossier_attachment where dossier_code = ? and id = ?",
        (rs, n) -> rs.getBytes(1), dossierCode, id);
    return rows.stream().findFirst();
  }

  public static String join(List<String> ids) {
    return String.join(",", ids);
  }

  private static Attachment map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new Attachment(rs.getString("id"), rs.getString("dossier_code"), AttachmentKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        created == null ? null : created.toInstant(), rs.getString("completes_document"));
  }
}
