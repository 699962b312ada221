package vn.gov.sct.onestop.attachment;

/** A checked upload, ready to store: the allowed type it was recognised as, its content and checksum. */
public record NewFile(String fileName, AllowedType type, byte[] content, String sha256) {

  public long size() {
    return content.length;
  }
}
