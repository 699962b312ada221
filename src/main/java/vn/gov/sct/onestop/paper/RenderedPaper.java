package vn.gov.sct.onestop.paper;

/** A paper ready to download. */
public record RenderedPaper(String fileName, String contentType, byte[] content) {

  public static final String PDF = "application/pdf";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
