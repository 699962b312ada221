package vn.gov.sct.onestop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.OutboxTestSupport;

/**
 * The emails of a whole dossier's life, received by a real SMTP server: the applicant's (supplement, receipt,
 * apology, result, returned) in order and in Vietnamese with their diacritics, and the staff's (the specialist
 * assigned, the heads of an overdue step, the board on the apology).
 */
class EmailNotificationsTest extends OutboxTestSupport {

  private static final String APPLICANT = "lienhe@bienxanh.vn";

  @Test
  void aLateDossiersWholeLifeSendsTheApplicantAndStaffTheirEmails() throws Exception {
    clockAt(at("2026-03-09T08:00"));
    String code = runtime.startProcessInstanceByKey("promotionRegistration", Map.of(
        "applicantName", "Công ty TNHH Thương mại Biển Xanh", "applicantEmail", APPLICANT)).getBusinessKey();
    complete(code, "checkCompleteness", "receptionDecision", "SUPPLEMENT", "receptionNote",
        "Bổ sung thể lệ chương trình có chữ ký và đóng dấu");
    clockAt(at("2026-03-10T09:00"));
    complete(code, "awaitSupplement");
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    Instant dueAt = dossier(code).dueAt();
    asUser("tp.thuongmai");
    complete(code, "assignSpecialist", "specialist", "cv.thuongmai");
    identityService.clearAuthentication();
    Task appraisal = task(code, "appraiseDossier");
    moveClockTo(appraisal.getDueDate().toInstant().plus(Duration.ofMinutes(1))); // overdue: the head hears of it
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE");
    if (now().isBefore(calendar.subtractWorkingDays(dueAt, BigDecimal.ONE))) {
      moveClockTo(calendar.subtractWorkingDays(dueAt, BigDecimal.ONE));
    }
    complete(code, "issueApology", "apologyReason", "Hồ sơ cần xin ý kiến cơ quan liên quan",
        "newDueAt", date(calendar.addWorkingDays(dueAt, new BigDecimal("3"))));
    complete(code, "approveResult", "leaderDecision", "APPROVE");
    complete(code, "issueResult", "documentNumber", "15/KM-SCT");
    complete(code, "returnResult");

    dispatch();

    List<MimeMessage> toApplicant = mails(code, APPLICANT);
    assertThat(toApplicant).extracting(MimeMessage::getSubject).containsExactly(
        code + ": Yêu cầu bổ sung, hoàn thiện hồ sơ",
        code + ": Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        code + ": Thư xin lỗi và hẹn lại ngày trả kết quả",
        code + ": Đã có kết quả giải quyết hồ sơ",
        code + ": Đã trả kết quả");
    assertThat(body(toApplicant.get(0))).contains("Kính gửi Công ty TNHH Thương mại Biển Xanh",
        "Bổ sung thể lệ chương trình có chữ ký và đóng dấu", "Đăng ký thực hiện khuyến mại");
    assertThat(body(toApplicant.get(1))).contains("Ngày hẹn trả kết quả:", "ngày 1",
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi kèm thư này");
    // the receipt (form 01) travels with the mail of reception, as the PDF the clerk printed
    jakarta.mail.BodyPart receipt = ((jakarta.mail.Multipart) toApplicant.get(1).getContent()).getBodyPart(1);
    assertThat(receipt.getContentType()).startsWith("application/pdf");
    assertThat(new String(receipt.getInputStream().readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(toApplicant.get(0).getContent()).isInstanceOf(String.class); // no attachment on the others
    assertThat(body(toApplicant.get(2))).contains("Hồ sơ cần xin ý kiến cơ quan liên quan", "Ngày hẹn trả kết quả mới");
    assertThat(body(toApplicant.get(3))).contains("chấp thuận", "Bộ phận Một cửa Sở Công Thương");
    assertThat(toApplicant.get(0).getFrom()[0].toString()).isEqualTo("motcua@sct.haiphong.gov.vn");
    assertThat(toApplicant).allSatisfy(m -> assertThat(m.getHeader("X-Idempotency-Key")).hasSize(1));

    assertThat(mails(code, "cv.thuongmai@demo.invalid")).extracting(MimeMessage::getSubject)
        .contains(code + ": Hồ sơ được giao cho anh/chị thụ lý");
    assertThat(mails(code, "tp.thuongmai@demo.invalid")).extracting(MimeMessage::getSubject)
        .contains(code + ": Hồ sơ quá hạn tại Phòng Quản lý Thương mại");
    assertThat(mails(code, "giamdoc@demo.invalid")).extracting(MimeMessage::getSubject)
        .contains(code + ": Hồ sơ trễ hẹn, đã gửi thư xin lỗi");
  }

  @Test
  void aRefusalAtReceptionTellsTheApplicantWhy() throws Exception {
    clockAt(at("2026-03-11T08:00"));
    String code = runtime.startProcessInstanceByKey("promotionRegistration", Map.of(
        "applicantName", "Hộ kinh doanh Nguyễn Văn Ánh", "applicantEmail", "anh.nguyen@example.vn")).getBusinessKey();
    complete(code, "checkCompleteness", "receptionDecision", "REFUSE", "receptionNote",
        "Chương trình khuyến mại thuộc thẩm quyền của Bộ Công Thương");

    dispatch();

    List<MimeMessage> mails = mails(code, "anh.nguyen@example.vn");
    assertThat(mails).extracting(MimeMessage::getSubject)
        .containsExactly(code + ": Từ chối tiếp nhận, giải quyết hồ sơ");
    assertThat(body(mails.get(0))).contains("Chương trình khuyến mại thuộc thẩm quyền của Bộ Công Thương");
  }

  @Test
  void anApplicantWhoDeclinedEmailsGetsNone() throws Exception {
    clockAt(at("2026-03-11T10:00"));
    String code = runtime.startProcessInstanceByKey("promotionRegistration", Map.of(
        "applicantName", "Công ty Cổ phần Không Thư", "applicantEmail", "khongthu@example.vn",
        "notifyByEmail", false)).getBusinessKey();
    complete(code, "checkCompleteness", "receptionDecision", "REFUSE", "receptionNote", "Ngoài thẩm quyền");

    dispatch();

    assertThat(mails(code, "khongthu@example.vn")).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where dossier_code = ? and channel = 'EMAIL'",
        Integer.class, code)).isZero();
  }

  private static List<MimeMessage> mails(String code, String to) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getSubject().startsWith(code + ":") && m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
        found.add(m);
      }
    }
    return found;
  }

  private static String body(MimeMessage message) throws Exception {
    Object content = message.getContent();
    while (content instanceof jakarta.mail.Multipart parts) {
      content = parts.getBodyPart(0).getContent();
    }
    return content.toString();
  }
}
