package vn.gov.sct.onestop.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Checks uploads before anything is written: count, size (per file and per dossier), name, declared type
 * and magic bytes. Errors name the part, e.g. {@code files[2]}.
 */
@Component
public class AttachmentPolicy {

  /** A plain file name: no path separators, no control or shell-special characters, not hidden. */
  private static final Pattern FILE_NAME = Pattern.compile("[^./\\\\<>:\"|?*\\p{Cntrl}][^/\\\\<>:\"|?*\\p{Cntrl}]{0,254}");

  private final AttachmentProperties properties;

  public AttachmentPolicy(AttachmentProperties properties) {
    this.properties = properties;
  }

  /**
   * The checked files of one request.
   *
   * @param part the multipart part name, for error messages
   * @param alreadyStored bytes the dossier holds already, counted against the total limit
   */
  public List<NewFile> check(String part, List<MultipartFile> files, long alreadyStored) {
    if (files == null || files.isEmpty()) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "file.none", part);
    }
    if (files.size() > properties.maxFiles()) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "file.too-many", part, properties.maxFiles());
    }
    List<NewFile> checked = new ArrayList<>();
    long total = alreadyStored;
    for (int i = 0; i < files.size(); i++) {
      MultipartFile file = files.get(i);
      String field = part + "[" + i + "]";
      if (file.getSize() > properties.maxFileSize().toBytes()) {
        throw ApiProblem.field(HttpStatus.PAYLOAD_TOO_LARGE, "file.too-large", field,
            properties.maxFileSize().toMegabytes());
      }
      String name = file.getOriginalFilename();
      if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
        throw ApiProblem.field(HttpStatus.BAD_REQUEST, "file.bad-name", field);
      }
      AllowedType type = AllowedType.ofDeclared(file.getContentType()).orElseThrow(() ->
          ApiProblem.field(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type", field));
      byte[] content = bytes(file);
      if (content.length == 0) {
        throw ApiProblem.field(HttpStatus.BAD_REQUEST, "file.empty", field);
      }
      if (!type.matches(content)) {
        throw ApiProblem.field(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.content-mismatch", field, type.mediaType());
      }
      total += content.length;
      if (total > properties.maxTotalSize().toBytes()) {
        throw ApiProblem.field(HttpStatus.PAYLOAD_TOO_LARGE, "file.total-too-large", field,
            properties.maxTotalSize().toMegabytes());
      }
      checked.add(new NewFile(name, type, content, Sha256.hex(content)));
    }
    return checked;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an uploaded part", e);
    }
  }
}
