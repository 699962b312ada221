package vn.gov.sct.onestop.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * The bodies of the status sync, in the field names the national portal's synchronisation services use:
 * {@code DongBoHoSoMC} (a dossier and its status) and {@code CapNhatTienDoHoSoMC} (a processing step). Names taken
 * from two public one-stop systems that talk to the portal: VietOpenCPS/opencps-v2
 * ({@code DVCQGIntegrationActionImpl}, {@code DVCQGIntegrationActionTerm}) and a .NET one-stop system's
 * {@code SyncDataToDVCQG.HoSoDongBoDVC} / {@code QuaTrinhXuLyDongBoDVC}; both send dates as
 * {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh and an empty string for a date not yet known. Only the fields we hold
 * are sent (no fees, attachments or result files yet).
 */
final class PortalFields {

  static final String SYNC_DOSSIER = "DongBoHoSoMC";
  static final String SYNC_STEP = "CapNhatTienDoHoSoMC";

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(VN);

  private PortalFields() {}

  /** The request body of a dossier's status: {@code isUpdating} is false for its first message only. */
  static Map<String, Object> dossier(Dossier d, Procedure procedure, String unitName, DossierStatus status,
      String note, boolean updating) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("MaHoSo", d.code());
    row.put("MaTTHC", nullToEmpty(procedure.nationalCode()));
    row.put("TenTTHC", procedure.nameVi());
    row.put("KenhThucHien", channel(d.channel()));
    row.put("ChuHoSo", d.applicant().name());
    row.put("SoGiayToChuHoSo", nullToEmpty(d.applicant().idNumber()));
    row.put("SoDienThoai", nullToEmpty(d.applicant().phone()));
    row.put("Email", nullToEmpty(d.applicant().email()));
    row.put("NgayNopHoSo", date(d.registeredAt()));
    row.put("NgayTiepNhan", date(d.receivedAt()));
    row.put("NgayHenTra", date(d.dueAt()));
    row.put("TrangThaiHoSo", String.valueOf(status.code()));
    row.put("NgayKetThucXuLy", date(d.completedAt()));
    row.put("NgayTra", date(d.returnedAt()));
    row.put("DonViXuLy", unitName);
    row.put("GhiChu", nullToEmpty(note));
    return body(SYNC_DOSSIER, updating, row);
  }

  /** The request body of one processing step (a handoff between units). */
  static Map<String, Object> step(String code, String actor, Instant at, String unitName, String content,
      DossierStatus status, Instant stepDueAt) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("MaHoSo", code);
    row.put("NguoiXuLy", nullToEmpty(actor));
    row.put("ThoiDiemXuLy", date(at));
    row.put("PhongBanXuLy", unitName);
    row.put("NoiDungXuLy", content);
    row.put("TrangThai", String.valueOf(status.code()));
    row.put("NgayBatDau", date(at));
    row.put("NgayKetThucTheoQuyDinh", date(stepDueAt));
    return body(SYNC_STEP, true, row);
  }

  private static Map<String, Object> body(String service, boolean updating, Map<String, Object> row) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("isUpdating", updating ? "True" : "False");
    body.put("data", List.of(row));
    return body;
  }

  /** KenhThucHien. # verify: 1 direct, 2 online, 3 postal, as the .NET system's constants suggest. */
  static String channel(Channel channel) {
    return switch (channel) {
      case COUNTER -> "1";
      case ONLINE -> "2";
      case POSTAL -> "3";
    };
  }

  static String date(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
