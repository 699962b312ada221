package vn.gov.sct.onestop.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The multipart body of one online promotion dossier with one small PDF, as an applicant's client sends it to
 * {@code POST /api/v1/public/dossiers}: the benchmark's HTTP run and the cluster harness submit the same.
 */
public final class OnlineSubmission {

  private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
      + "%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnlineSubmission() {}

  /** Dossier number {@code i} of {@code applicantName}, parts separated by {@code boundary}. */
  public static byte[] body(String boundary, String applicantName, int i) throws IOException {
    Map<String, Object> dossier = new LinkedHashMap<>();
    dossier.put("procedureCode", Lifecycle.PROCEDURE_CODE);
    dossier.put("applicant", Map.of("name", applicantName, "idNumber", "0201234567", "phone", "0912345678",
        "email", "lienhe@example.vn", "address", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng"));
    // the promotion's own fields as its start form declares them; the form refuses past days: a month ahead of the
    // machine's day (the engine's clock is not earlier)
    LocalDate start = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMonths(1);
    dossier.put("fields", Map.of("promotionName", "Tri ân khách hàng " + i, "promotionStart", start.toString(),
        "promotionEnd", start.plusDays(29).toString(), "promotionArea", "Quận Lê Chân, Hải Phòng"));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "Content-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json",
        JSON.writeValueAsBytes(dossier));
    part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\"don-dang-ky.pdf\"\r\n"
        + "Content-Type: application/pdf", PDF);
    body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content)
      throws IOException {
    body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
