package vn.gov.sct.onestop.reception;

/** In what form a paper document was handed in (hình thức giấy tờ), with the label printed on the receipt. */
public enum PaperForm {
  ORIGINAL("Bản chính"),
  CERTIFIED_COPY("Bản sao có chứng thực"),
  COPY("Bản sao");

  private final String label;

  PaperForm(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
