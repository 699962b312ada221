package vn.gov.sct.onestop.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types an applicant may upload: scanned or digital documents. Each is recognised by its declared
 * media type and by the magic bytes it starts with; both must agree.
 */
public enum AllowedType {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

  private final String mediaType;
  private final byte[] magic;

  AllowedType(String mediaType, byte[] magic) {
    this.mediaType = mediaType;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The allowed type of a declared media type (parameters and case ignored). */
  public static Optional<AllowedType> ofDeclared(String declared) {
    if (declared == null) {
      return Optional.empty();
    }
    String bare = declared.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
  }

  public boolean matches(byte[] content) {
    if (content.length < magic.length) {
      return false;
    }
    return Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
