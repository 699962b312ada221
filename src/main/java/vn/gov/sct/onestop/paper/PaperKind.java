package vn.gov.sct.onestop.paper;

import java.util.Arrays;
import java.util.Optional;

/**
 * The papers of the one-stop section. {@code slug} names the paper in URLs; {@code mark} goes into the number of
 * a paper issued per dossier (the receipt's number is the dossier code itself); {@code applicantCopy}: the
 * applicant may download it through the public API.
 */
public enum PaperKind {
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
  RECEIPT("receipt", null, true, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
  SUPPLEMENT_REQUEST("supplement-request", "BS", true, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
  REFUSAL("refusal", "TC", true, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
  /** Văn bản xin lỗi và hẹn lại (đề nghị gia hạn) ngày trả kết quả. */
  APOLOGY("apology", "XL", true, "Văn bản xin lỗi và hẹn lại ngày trả kết quả"),
  /** Thông báo dừng giải quyết hồ sơ (Circular 03/2025 only; no step issues it yet). */
  STOP_NOTICE("stop-notice", "DG", true, "Thông báo dừng giải quyết hồ sơ"),
  /** Phiếu kiểm soát quá trình giải quyết hồ sơ: rendered from the handoff lines as they are now. */
  CONTROL_SLIP("control-slip", null, false, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
  /** Sổ theo dõi hồ sơ: rendered for a period. */
  TRACKING_BOOK("tracking-book", null, false, "Sổ theo dõi hồ sơ"),
  /** Thông tin kết quả giải quyết: an information copy of the decision with its number and date. */
  RESULT_COPY("result-copy", "KQ", true, "Thông tin kết quả giải quyết");

  private final String slug;
  private final String mark;
  private final boolean applicantCopy;
  /** The paper's name as a clerk or manager reads it in a list (the story page, the timeline). */
  private final String label;

  PaperKind(String slug, String mark, boolean applicantCopy, String label) {
    this.slug = slug;
    this.mark = mark;
    this.applicantCopy = applicantCopy;
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String slug() {
    return slug;
  }

  public boolean applicantCopy() {
    return applicantCopy;
  }

  /** Whether it is issued once (or a few times) per dossier and frozen, as opposed to rendered as things stand. */
  public boolean issued() {
    return this != CONTROL_SLIP && this != TRACKING_BOOK;
  }

  /** The number printed on the paper: the dossier code for the receipt, "{code}/{mark}-{seq}" for the others. */
  String number(String dossierCode, int seq) {
    return mark == null ? dossierCode : dossierCode + "/" + mark + "-" + seq;
  }

  public static Optional<PaperKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
