package vn.gov.sct.onestop.dossier;

import java.util.Arrays;

/**
 * Trạng thái hồ sơ: the status codes of the National Public Service Portal for synchronised dossiers.
 */
public enum DossierStatus {
  NEWLY_REGISTERED(1, "Mới đăng ký"),
  RECEIVED(2, "Đã tiếp nhận"),
  NOT_RECEIVED(3, "Không tiếp nhận"),
  IN_PROCESS(4, "Đang xử lý"),
  SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung hồ sơ"),
  FEE_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
  WITHDRAWN(7, "Rút hồ sơ"),
  STOPPED(8, "Dừng xử lý"),
  COMPLETED(9, "Đã xử lý xong"),
  RETURNED(10, "Đã trả kết quả");

  private final int code;
  private final String label;

  DossierStatus(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The portal's code, 1 to 10. */
  public int code() {
    return code;
  }

  /** The Vietnamese label an applicant reads. */
  public String label() {
    return label;
  }

  public static DossierStatus ofCode(int code) {
    return Arrays.stream(values())
        .filter(s -> s.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown dossier status code " + code));
  }
}
