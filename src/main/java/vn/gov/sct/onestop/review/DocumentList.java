package vn.gov.sct.onestop.review;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.util.UriUtils;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentKind;

/**
 * Thành phần hồ sơ: the dossier's documents as a table for a task form, each named with a link that opens the
 * file in the browser through the staff endpoint (the web apps' session signs the clerk in; who may see the
 * dossier is decided there, not here). Documents first submitted come first; then, for each required document of
 * the procedure in the catalog's order, a line with its name and the supplement files that complete it; then the
 * supplements that said no document, under "Bổ sung khác". Within a group, in the order they arrived.
 *
 * <p>A process variable of text holds at most 4,000 characters in the engine's table, so a long list ends with
 * a line counting the documents left out and a link to the full list.
 */
final class DocumentList {

  static final int LIMIT = 3900;
  static final String EMPTY = "_Hồ sơ chưa có tài liệu điện tử (hồ sơ giấy nộp tại Bộ phận Một cửa)._";
  static final String OTHER_SUPPLEMENTS = "Bổ sung khác";

  private DocumentList() {}

  /** One line of the table: a group's heading (attachment null) or a file. */
  private record Line(String heading, Attachment attachment) {}

  static String markdown(String dossierCode, List<Attachment> attachments, List<String> requiredDocuments, ZoneId zone) {
    if (attachments.isEmpty()) {
      return EMPTY;
    }
    List<Line> lines = grouped(attachments, requiredDocuments);
    String base = "/api/v1/dossiers/" + UriUtils.encodePathSegment(dossierCode, "UTF-8") + "/attachments";
    StringBuilder out = new StringBuilder("| Tài liệu | Loại | Dung lượng | Thời điểm nộp |\n|---|---|---|---|\n");
    int shown = 0;
    for (Line line : lines) {
      Attachment a = line.attachment();
      String row = a == null ? "| **" + Markdown.cell(line.heading()) + "** | | | |\n"
          : "| " + (a.kind() == AttachmentKind.SUPPLEMENT ? "↳ " : "") + "<a href=\"" + base + "/"
              + UriUtils.encodePathSegment(a.id(), "UTF-8") + "?inline=true\" target=\"_blank\">"
              + Markdown.cell(a.fileName()) + "</a> | "
              + (a.kind() == AttachmentKind.SUBMISSION ? "Nộp lần đầu" : "Bổ sung") + " | " + Markdown.size(a.size())
              + " | " + Markdown.dayTime(a.createdAt(), zone) + " |\n";
      if (out.length() + row.length() > LIMIT - 200) {
        break;
      }
      out.append(row);
      if (a != null) {
        shown++;
      }
    }
    if (shown < attachments.size()) {
      out.append("\nCòn ").append(attachments.size() - shown).append(" tài liệu khác: <a href=\"").append(base)
          .append("\" target=\"_blank\">danh sách đầy đủ</a>.\n");
    }
    return out.toString();
  }

  /** The files in the order of the table, each supplement under a heading naming the document it completes. */
  private static List<Line> grouped(List<Attachment> attachments, List<String> requiredDocuments) {
    List<Attachment> ordered = attachments.stream()
        .sorted(Comparator.comparing(Attachment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    List<Line> lines = new ArrayList<>();
    ordered.stream().filter(a -> a.kind() == AttachmentKind.SUBMISSION).forEach(a -> lines.add(new Line(null, a)));
    for (String document : requiredDocuments) {
      List<Attachment> completing = ordered.stream()
          .filter(a -> a.kind() == AttachmentKind.SUPPLEMENT && document.equals(a.completesDocument())).toList();
      if (!completing.isEmpty()) {
        lines.add(new Line(document, null));
        completing.forEach(a -> lines.add(new Line(null, a)));
      }
    }
    List<Attachment> other = ordered.stream().filter(a -> a.kind() == AttachmentKind.SUPPLEMENT
        && (a.completesDocument() == null || !requiredDocuments.contains(a.completesDocument()))).toList();
    if (!other.isEmpty()) {
      lines.add(new Line(OTHER_SUPPLEMENTS, null));
      other.forEach(a -> lines.add(new Line(null, a)));
    }
    return lines;
  }
}
