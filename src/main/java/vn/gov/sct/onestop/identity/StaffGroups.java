package vn.gov.sct.onestop.identity;

/** Groups that are not divisions of the catalog. */
public final class StaffGroups {

  /** Lãnh đạo, Văn phòng UBND, Sở Nội vụ: who monitors on-time performance in Cockpit. */
  public static final String MANAGERS = "managers";
  public static final String MANAGERS_NAME = "Giám sát, theo dõi (lãnh đạo, thanh tra)";
  /**
   * Process modellers: deploy a folder of processes/ from Camunda Modeler to a running node and start a test
   * instance; nothing else (no Tasklist, no Cockpit, no dossier data).
   */
  public static final String MODELLERS = "modellers";
  public static final String MODELLERS_NAME = "Người lập mô hình quy trình";
  /** Camunda's own administrators group, made by the admin-user setting. */
  public static final String ADMINS = "camunda-admin";
  /** Ban Giám đốc Sở: signs results; a division in the catalog with this id. */
  public static final String BOARD = "board";
  public static final String ONE_STOP = "one-stop";

  private StaffGroups() {}
}
