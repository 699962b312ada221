package vn.gov.sct.onestop.paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frozen data of each paper as the issuer writes it, for rendering tests without an engine. */
final class PaperSamples {

  private PaperSamples() {}

  static final PapersProperties PROPERTIES = new PapersProperties("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ CÔNG THƯƠNG",
      "BỘ PHẬN MỘT CỬA", "Bộ phận Một cửa Sở Công Thương thành phố Hải Phòng", "Hải Phòng",
      "Bộ phận Một cửa Sở Công Thương, số 3 Lê Thánh Tông, Hải Phòng", "https://dichvucong.example.vn/dich-vu-cong/tra-cuu",
      null);

  static Map<String, Object> common(String template, String formNumber, String title, String number) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("governingBody", "UBND THÀNH PHỐ HẢI PHÒNG");
    d.put("agency", "SỞ CÔNG THƯƠNG");
    d.put("unit", "BỘ PHẬN MỘT CỬA");
    d.put("sectionName", "Bộ phận Một cửa Sở Công Thương thành phố Hải Phòng");
    d.put("formNumber", formNumber);
    d.put("formTitle", title);
    d.put("legalBasis", "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ");
    d.put("template", template);
    d.put("number", number);
    d.put("issuedAt", "2026-03-02T02:30:00Z");
    d.put("placeAndDate", "Hải Phòng, ngày 02 tháng 3 năm 2026");
    d.put("issuedBy", "motcua");
    d.put("dossierCode", "H15.50-260302-0001");
    d.put("procedureName", "Đăng ký thực hiện khuyến mại");
    d.put("applicantName", "Công ty TNHH Thương mại Biển Xanh");
    d.put("applicantAddress", "Số 1 Lạch Tray, quận Ngô Quyền, Hải Phòng");
    d.put("applicantPhone", "0912345678");
    d.put("applicantEmail", "lienhe@bienxanh.vn");
    d.put("channel", "Trực tiếp");
    return d;
  }

  static Map<String, Object> receipt() {
    Map<String, Object> d = common("receipt", "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "H15.50-260302-0001");
    d.put("documents", List.of(
        Map.of("name", "Văn bản đăng ký thực hiện khuyến mại (theo mẫu)", "paperForm", "Bản chính", "copies", "01",
            "note", ""),
        Map.of("name", "Thể lệ chương trình khuyến mại (theo mẫu)", "paperForm", "Bản sao chứng thực", "copies", "02",
            "note", "Đủ chữ ký")));
    d.put("sets", "01");
    d.put("deadline", "4 ngày làm việc");
    d.put("receivedAt", "09 giờ 30 phút, ngày 02/03/2026");
    d.put("dueAt", "09 giờ 30 phút, ngày 06/03/2026");
    d.put("returnPlace", "Bộ phận Một cửa Sở Công Thương, số 3 Lê Thánh Tông, Hải Phòng");
    d.put("bookVolume", "2026");
    d.put("bookLine", "17");
    d.put("lookupUrl", "https://dichvucong.example.vn/dich-vu-cong/tra-cuu?ma=H15.50-260302-0001");
    d.put("lookupSecret", "ABCD-EFGH-JKMN-PQRS");
    return d;
  }
}
