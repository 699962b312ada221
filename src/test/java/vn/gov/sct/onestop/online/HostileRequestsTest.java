package vn.gov.sct.onestop.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A hundred malformed or hostile requests at the citizen API: broken JSON, megabyte strings, path
 * traversal in file names, script in fields, wrong content types, invalid UTF-8. Each is answered with a
 * 4xx problem detail, and none leaves a row behind: not in our tables, not in the engine's.
 */
class HostileRequestsTest extends OnlineApiTestSupport {

  private static final String MEGABYTE = "A".repeat(1024 * 1024);

  private record Case(String name, RequestBuilder request) {}

  @Test
  void aHundredHostileRequestsAreRefusedWith4xxAndWriteNothing() throws Exception {
    JsonOfValid valid = new JsonOfValid();
    // a real dossier of someone else, for the requests that aim at an existing code
    String victim = submitValid("Công ty Bị Nhắm").get("dossierCode").asText();
    List<Case> cases = new ArrayList<>();

    // broken JSON (20)
    for (String json : List.of("", "{", "}", "[]", "null", "\"text\"", "{\"procedureCode\": }", "{procedureCode: 'x'}",
        "{\"procedureCode\": \"promotion-registration\",}", "{\"procedureCode\": \"promotion-registration\"} trailing",
        "{\"procedureCode\": NaN}", "{\"applicant\": \"Công ty\", \"procedureCode\": \"promotion-registration\"}",
        "{\"procedureCode\": 42, \"applicant\": {\"name\": \"A\"}}",
        "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": [\"A\"]}}",
        "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"A\"}, \"fields\": [1, 2]}",
        "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"A\"}, \"fields\": {\"a\": {\"b\": 1}}}",
        "[".repeat(5000) + "]".repeat(5000),
        "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"A\"}, \"isAdmin\": true}",
        "/* comment */ {\"procedureCode\": \"promotion-registration\"}",
        "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"A\", \"email\": 5e999999}}")) {
      cases.add(new Case("broken JSON " + abbreviate(json), submission(dossierPart(json), pdf("a.pdf"))));
    }

    // megabyte strings (10)
    cases.add(new Case("1 MB name", submission(dossierPart(valid.with("name", MEGABYTE)), pdf("a.pdf"))));
    cases.add(new Case("1 MB address", submission(dossierPart(valid.with("address", MEGABYTE)), pdf("a.pdf"))));
    cases.add(new Case("1 MB id number", submission(dossierPart(valid.with("idNumber", MEGABYTE)), pdf("a.pdf"))));
    cases.add(new Case("1 MB phone", submission(dossierPart(valid.with("phone", MEGABYTE)), pdf("a.pdf"))));
    cases.add(new Case("1 MB email", submission(dossierPart(valid.with("email", MEGABYTE + "@x.vn")), pdf("a.pdf"))));
    cases.add(new Case("1 MB procedure code", submission(dossierPart(
        "{\"procedureCode\": \"" + MEGABYTE + "\", \"applicant\": {\"name\": \"A\"}}"), pdf("a.pdf"))));
    cases.add(new Case("1 MB field value", submission(dossierPart(valid.field("programName", MEGABYTE)), pdf("a.pdf"))));
    cases.add(new Case("1 MB field name", submission(dossierPart(valid.field(MEGABYTE, "x")), pdf("a.pdf"))));
    StringBuilder manyFields = new StringBuilder("{");
    for (int i = 0; i < 31; i++) {
      manyFields.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": \"x\"");
    }
    cases.add(new Case("31 fields", submission(dossierPart(valid.fields(manyFields.append("}").toString())), pdf("a.pdf"))));
    cases.add(new Case("1 MB lookup secret", lookup(victim, MEGABYTE)));

    // path traversal and odd file names (15)
    for (String name : List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "C:\\boot.ini",
        "a/../../b.pdf", "....//....//etc/passwd", ".htaccess", "..", "file\u0000.pdf", "name\n.pdf",
        "con<script>.pdf", "a|b.pdf", "report:stream.pdf", "x".repeat(300) + ".pdf", "")) {
      cases.add(new Case("file name " + abbreviate(name), submission(dossierPart(valid.json()), pdf(name))));
    }

    // script in fields (15)
    String script = "<script>alert(document.cookie)</script>";
    cases.add(new Case("script name", submission(dossierPart(valid.with("name", script)), pdf("a.pdf"))));
    cases.add(new Case("img onerror address",
        submission(dossierPart(valid.with("address", "<img src=x onerror=alert(1)>")), pdf("a.pdf"))));
    cases.add(new Case("script email", submission(dossierPart(valid.with("email", script + "@x.vn")), pdf("a.pdf"))));
    cases.add(new Case("javascript phone", submission(dossierPart(valid.with("phone", "javascript:alert(1)")), pdf("a.pdf"))));
    cases.add(new Case("script id number", submission(dossierPart(valid.with("idNumber", script)), pdf("a.pdf"))));
    cases.add(new Case("svg field", submission(dossierPart(valid.field("programName", "<svg onload=alert(1)>")), pdf("a.pdf"))));
    cases.add(new Case("script field name", submission(dossierPart(valid.field("<script>", "x")), pdf("a.pdf"))));
    cases.add(new Case("EL field name", submission(dossierPart(valid.field("${1+1}", "x")), pdf("a.pdf"))));
    cases.add(new Case("script procedure", submission(dossierPart(
        "{\"procedureCode\": \"" + script + "\", \"applicant\": {\"name\": \"A\"}}"), pdf("a.pdf"))));
    cases.add(new Case("script idempotency key",
        submission(dossierPart(valid.json()), pdf("a.pdf")).header("Idempotency-Key", script)));
    cases.add(new Case("script in code", lookup(script, "x")));
    cases.add(new Case("script in secret", lookup(victim, script)));
    cases.add(new Case("control characters in name", submission(dossierPart(valid.with("name", "A\\u0007\\u001b[31m")), pdf("a.pdf"))));
    cases.add(new Case("script supplement note", multipart(PUBLIC + "/dossiers/{code}/supplements", victim)
        .file(new MockMultipartFile("supplement", "", "application/json", ("{\"note\": \"" + script + "\"}").getBytes()))
        .file(pdf("a.pdf")).header(OnlineDossierController.SECRET, "guess")));
    cases.add(new Case("script withdrawal reason", post(PUBLIC + "/dossiers/{code}/withdrawal", victim)
        .header(OnlineDossierController.SECRET, "guess").contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\": \"" + script + "\"}")));

    // wrong content types and methods (20)
    cases.add(new Case("JSON body", post(PUBLIC + "/dossiers").contentType(MediaType.APPLICATION_JSON).content(valid.json())));
    cases.add(new Case("text body", post(PUBLIC + "/dossiers").contentType(MediaType.TEXT_PLAIN).content(valid.json())));
    cases.add(new Case("XML body", post(PUBLIC + "/dossiers").contentType(MediaType.APPLICATION_XML).content("<dossier/>")));
    cases.add(new Case("form body", post(PUBLIC + "/dossiers").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .content("procedureCode=promotion-registration")));
    cases.add(new Case("no content type", post(PUBLIC + "/dossiers").content(valid.json())));
    cases.add(new Case("dossier part as text", submission(
        new MockMultipartFile("dossier", "", "text/plain", valid.json().getBytes(StandardCharsets.UTF_8)), pdf("a.pdf"))));
    cases.add(new Case("dossier part as file", submission(
        new MockMultipartFile("dossier", "dossier.exe", "application/octet-stream", new byte[] {'M', 'Z'}), pdf("a.pdf"))));
    cases.add(new Case("GIF", submission(dossierPart(valid.json()), file("a.gif", "image/gif", "GIF89a".getBytes()))));
    cases.add(new Case("octet stream", submission(dossierPart(valid.json()), file("a.pdf", "application/octet-stream", PDF))));
    cases.add(new Case("HTML with PDF magic", submission(dossierPart(valid.json()), file("a.html", "text/html", PDF))));
    cases.add(new Case("PNG declared PDF", submission(dossierPart(valid.json()), file("a.pdf", "application/pdf", PNG))));
    cases.add(new Case("PDF declared JPEG", submission(dossierPart(valid.json()), file("a.jpg", "image/jpeg", PDF))));
    cases.add(new Case("SVG", submission(dossierPart(valid.json()), file("a.svg", "image/svg+xml", "<svg/>".getBytes()))));
    cases.add(new Case("no declared type", submission(dossierPart(valid.json()), file("a.pdf", null, PDF))));
    cases.add(new Case("empty PDF", submission(dossierPart(valid.json()), file("a.pdf", "application/pdf", new byte[0]))));
    cases.add(new Case("PUT dossiers", put(PUBLIC + "/dossiers").contentType(MediaType.APPLICATION_JSON).content(valid.json())));
    cases.add(new Case("DELETE dossier", delete(PUBLIC + "/dossiers/{code}", victim)));
    cases.add(new Case("GET dossiers", get(PUBLIC + "/dossiers")));
    cases.add(new Case("POST procedures", post(PUBLIC + "/procedures").contentType(MediaType.APPLICATION_JSON).content("{}")));
    cases.add(new Case("withdrawal as text", post(PUBLIC + "/dossiers/{code}/withdrawal", victim)
        .header(OnlineDossierController.SECRET, "x").contentType(MediaType.TEXT_PLAIN).content("please")));

    // invalid UTF-8 (10)
    byte[][] badUtf8 = {
        {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xC1, (byte) 0xBF}};
    for (byte[] bad : badUtf8) {
      byte[] body = concat("{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"A".getBytes(),
          bad, "\"}}".getBytes());
      cases.add(new Case("invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad), submission(
          new MockMultipartFile("dossier", "", MediaType.APPLICATION_JSON_VALUE, body), pdf("a.pdf"))));
    }

    // guessing and probing (10)
    cases.add(new Case("unknown procedure", submission(dossierPart(dossierJson("xang-dau", "A")), pdf("a.pdf"))));
    cases.add(new Case("procedure not online", submission(dossierPart(dossierJson("PROMOTION-REGISTRATION", "A")), pdf("a.pdf"))));
    cases.add(new Case("no applicant", submission(dossierPart("{\"procedureCode\": \"promotion-registration\"}"), pdf("a.pdf"))));
    cases.add(new Case("blank name", submission(dossierPart(valid.with("name", "   ")), pdf("a.pdf"))));
    cases.add(new Case("guessed code", lookup(victim.substring(0, victim.length() - 4) + "0000", "guess")));
    cases.add(new Case("victim without secret", get(PUBLIC + "/dossiers/{code}", victim)));
    cases.add(new Case("victim with empty secret", lookup(victim, "")));
    cases.add(new Case("victim's result", get(PUBLIC + "/dossiers/{code}/result", victim)
        .header(OnlineDossierController.SECRET, "guess")));
    cases.add(new Case("SQL in code", lookup("H15.50-260302-0001' OR '1'='1", "x")));
    cases.add(new Case("encoded traversal in path", get(PUBLIC + "/dossiers/..%2F..%2Fetc%2Fpasswd")
        .header(OnlineDossierController.SECRET, "x")));

    assertThat(cases).hasSize(100);
    Map<String, Long> before = rowCounts();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      MvcResult result = mvc.perform(c.request()).andReturn();
      int status = result.getResponse().getStatus();
      String type = result.getResponse().getContentType();
      if (status < 400 || status >= 500 || type == null || !type.startsWith("application/problem+json")) {
        failures.add(c.name() + " -> " + status + " " + type + " " + abbreviate(result.getResponse().getContentAsString()));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(rowCounts()).isEqualTo(before);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A valid submission with one part replaced. */
  private static final class JsonOfValid {
    String json() {
      return with("name", "Công ty Hợp Lệ");
    }

    String with(String applicantField, String value) {
      String name = applicantField.equals("name") ? value : "Công ty Hợp Lệ";
      String id = applicantField.equals("idNumber") ? value : "0201234567";
      String phone = applicantField.equals("phone") ? value : "0912345678";
      String email = applicantField.equals("email") ? value : "a@example.vn";
      String address = applicantField.equals("address") ? value : "Hải Phòng";
      return ("{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"%s\", \"idNumber\": \"%s\", "
          + "\"phone\": \"%s\", \"email\": \"%s\", \"address\": \"%s\"}}").formatted(name, id, phone, email, address);
    }

    String field(String name, String value) {
      return fields("{\"" + name + "\": \"" + value + "\"}");
    }

    String fields(String fieldsJson) {
      return "{\"procedureCode\": \"promotion-registration\", \"applicant\": {\"name\": \"Công ty Hợp Lệ\"}, "
          + "\"fields\": " + fieldsJson + "}";
    }
  }
}
