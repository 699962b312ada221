package vn.gov.sct.onestop.reception;

/**
 * One line of the checklist at reception (danh mục thành phần hồ sơ đã nhận): a document the catalog requires
 * ({@code required}) or one the clerk added, whether it was received, in what form and how many copies.
 *
 * @param sequence 1, 2, ... in the order of the checklist
 * @param paperForm null when not received
 * @param paperFormLabel the Vietnamese label of {@code paperForm} (Bản chính, Bản sao có chứng thực, Bản sao)
 */
public record ChecklistItem(
    int sequence, String documentName, boolean required, boolean received, PaperForm paperForm,
    String paperFormLabel, int copies, String note) {

  /** Added by the clerk: a document the catalog does not name. */
  public boolean addedByClerk() {
    return !required;
  }
}
