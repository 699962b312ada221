package vn.gov.sct.onestop.review;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.util.UriUtils;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentKind;

/**
 * Thành phần hồ sơ: the dossier's documents as a table for a task form, each named with a link that opens the
 * file in the browser through the staff endpoint (the web apps' session signs the clerk in; who may see the
 * dossier is decided there, not here). Documents first submitted come first, then each supplement's, in the
 * order they arrived.
 *
 * <p>A process variable of text holds at most 4,000 characters in the engine's table, so a long list ends with
 * a line counting the documents left out and a link to the full list.
 */
final class DocumentList {

  static final int LIMIT = 3900;
  static final String EMPTY = "_Hồ sơ chưa có tài liệu điện tử (hồ sơ giấy nộp tại Bộ phận Một cửa)._";

  private DocumentList() {}

  static String markdown(String dossierCode, List<Attachment> attachments, ZoneId zone) {
    if (attachments.isEmpty()) {
      return EMPTY;
    }
    List<Attachment> ordered = attachments.stream()
        .sorted(Comparator.comparing((Attachment a) -> a.kind() == AttachmentKind.SUBMISSION ? 0 : 1)
            .thenComparing(Attachment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    String base = "/api/v1/dossiers/" + UriUtils.encodePathSegment(dossierCode, "UTF-8") + "/attachments";
    StringBuilder out = new StringBuilder("| Tài liệu | Loại | Dung lượng | Thời điểm nộp |\n|---|---|---|---|\n");
    int shown = 0;
    for (Attachment a : ordered) {
      String row = "| <a href=\"" + base + "/" + UriUtils.encodePathSegment(a.id(), "UTF-8")
          + "?inline=true\" target=\"_blank\">" + Markdown.cell(a.fileName()) + "</a> | "
          + (a.kind() == AttachmentKind.SUBMISSION ? "Nộp lần đầu" : "Bổ sung") + " | " + Markdown.size(a.size())
          + " | " + Markdown.dayTime(a.createdAt(), zone) + " |\n";
      if (out.length() + row.length() > LIMIT - 200) {
        break;
      }
      out.append(row);
      shown++;
    }
    if (shown < ordered.size()) {
      out.append("\nCòn ").append(ordered.size() - shown).append(" tài liệu khác: <a href=\"").append(base)
          .append("\" target=\"_blank\">danh sách đầy đủ</a>.\n");
    }
    return out.toString();
  }
}
