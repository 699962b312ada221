package vn.gov.sct.onestop.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.OutboxTestSupport;
import vn.gov.sct.onestop.outbox.OutboxChannel;
import vn.gov.sct.onestop.outbox.OutboxOperations;

/**
 * The status sync to the portal against a real HTTP server: every status change and handoff of a dossier arrives,
 * in order, with the token and one idempotency key per message; a receiver error holds only that dossier.
 */
class PortalSyncTest extends OutboxTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired OutboxOperations operations;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aWholePromotionDossierArrivesAtThePortalInOrder() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-02T09:00"));
    complete(code, "checkCompleteness", "receptionDecision", "ACCEPT");
    complete(code, "assignSpecialist", "specialist", "cv.thuongmai");
    complete(code, "appraiseDossier", "appraisalProposal", "APPROVE", "appraisalNote", "Đủ điều kiện");
    complete(code, "approveResult", "leaderDecision", "APPROVE");
    complete(code, "issueResult", "documentNumber", "12/KM-SCT");
    complete(code, "returnResult");

    dispatch();

    List<JsonNode> bodies = received(code);
    List<String> statuses = bodies.stream().filter(b -> b.get("service").asText().equals("DongBoHoSoMC"))
        .map(b -> b.get("data").get(0).get("TrangThaiHoSo").asText()).toList();
    assertThat(statuses).containsExactly("1", "2", "4", "9", "10");
    assertThat(bodies.get(0).get("isUpdating").asText()).isEqualTo("False");
    JsonNode received = bodies.stream().filter(b -> b.path("data").get(0).path("TrangThaiHoSo").asText().equals("2"))
        .findFirst().orElseThrow().get("data").get(0);
    assertThat(received.get("MaHoSo").asText()).isEqualTo(code);
    assertThat(received.get("TenTTHC").asText()).isEqualTo("Đăng ký thực hiện khuyến mại");
    assertThat(received.get("ChuHoSo").asText()).isEqualTo("Công ty TNHH Thương mại Hải An");
    assertThat(received.get("KenhThucHien").asText()).isEqualTo("1");
    assertThat(received.get("NgayTiepNhan").asText()).isEqualTo("20260302090000");
    assertThat(received.get("NgayHenTra").asText()).matches("202603\\d{8}");
    assertThat(received.get("DonViXuLy").asText()).isEqualTo("Phòng Quản lý Thương mại");
    assertThat(bodies).anySatisfy(b -> {
      assertThat(b.get("service").asText()).isEqualTo("CapNhatTienDoHoSoMC");
      assertThat(b.get("data").get(0).get("PhongBanXuLy").asText()).isEqualTo("Phòng Quản lý Thương mại");
    });

    List<LoggedRequest> requests = requests(code);
    assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + PORTAL_TOKEN));
    assertThat(requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(requests.size());
    assertThat(operations.unacknowledged(OutboxChannel.PORTAL)).noneMatch(u -> u.dossierCode().equals(code));
  }

  @Test
  void aReceiverDownForAWhileGetsEveryMessageOnceAndInOrderAndHoldsOnlyThatDossier() throws Exception {
    String held = submit("promotionRegistration", at("2026-03-02T09:00"));
    StubMapping down = PORTAL.stubFor(post("/dvcqg/dongbo").atPriority(1).withRequestBody(containing(held))
        .willReturn(serviceUnavailable()));
    complete(held, "checkCompleteness", "receptionDecision", "ACCEPT");
    String other = submit("promotionRegistration", at("2026-03-02T09:05"));
    complete(other, "checkCompleteness", "receptionDecision", "ACCEPT");

    dispatch();

    assertThat(statuses(other)).containsExactly("1", "2", "4"); // received, then handed to the division
    assertThat(requests(held)).hasSize(1); // the first message failed; the later ones wait behind it
    assertThat(operations.unacknowledged(OutboxChannel.PORTAL))
        .anySatisfy(u -> assertThat(u.dossierCode()).isEqualTo(held));

    PORTAL.removeStub(down);
    dispatchWithRetries(2);

    assertThat(statuses(held)).containsExactly("1", "1", "2", "4"); // the failed attempt, its retry, the rest
    List<LoggedRequest> accepted = requests(held).subList(1, 3);
    assertThat(accepted.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(2);
    assertThat(requests(held).get(0).getHeader("Idempotency-Key"))
        .isEqualTo(accepted.get(0).getHeader("Idempotency-Key"));
  }

  @Test
  void aReceiverThatAlwaysFailsParksTheDossiersRowsAsDeadAndOthersStillFlow() throws Exception {
    String failing = submit("promotionRegistration", at("2026-03-03T09:00"));
    StubMapping down = PORTAL.stubFor(post("/dvcqg/dongbo").atPriority(1).withRequestBody(containing(failing))
        .willReturn(serviceUnavailable()));
    complete(failing, "checkCompleteness", "receptionDecision", "ACCEPT");

    dispatchWithRetries(4);
    String other = submit("promotionRegistration", at("2026-03-03T09:10"));
    dispatch();

    assertThat(requests(failing)).hasSize(3); // max-attempts of the test context
    assertThat(operations.dead()).anySatisfy(d -> {
      assertThat(d.dossierCode()).isEqualTo(failing);
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.lastError()).contains("503");
    });
    assertThat(statuses(other)).containsExactly("1");

    PORTAL.removeStub(down);
    long dead = operations.dead().stream().filter(d -> d.dossierCode().equals(failing)).findFirst().orElseThrow().id();
    assertThat(operations.retry(dead)).isTrue();
    dispatch();
    assertThat(statuses(failing)).containsExactly("1", "1", "1", "1", "2", "4");
    assertThat(operations.dead()).noneMatch(d -> d.dossierCode().equals(failing));
  }

  @Test
  void aStepWhoseTransactionRollsBackSendsNothing() {
    int rowsBefore = jdbc.queryForObject("select count(*) from outbox_message", Integer.class);
    String[] code = new String[1];
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        code[0] = submit("promotionRegistration", at("2026-03-04T09:00"));
        throw new IllegalStateException("the step fails after the registry and the outbox were written");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    dispatch();

    assertThat(code[0]).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from outbox_message", Integer.class)).isEqualTo(rowsBefore);
    assertThat(requests(code[0])).isEmpty();
    assertThat(registry.find(code[0])).isEmpty();
  }

  private static List<LoggedRequest> requests(String code) {
    return PORTAL.findAll(postRequestedFor(urlEqualTo("/dvcqg/dongbo")).withRequestBody(containing("\"" + code + "\"")));
  }

  private static List<JsonNode> received(String code) throws Exception {
    List<JsonNode> bodies = new java.util.ArrayList<>();
    for (LoggedRequest r : requests(code)) {
      bodies.add(JSON.readTree(r.getBodyAsString()));
    }
    return bodies;
  }

  private static List<String> statuses(String code) throws Exception {
    return received(code).stream().filter(b -> b.get("service").asText().equals("DongBoHoSoMC"))
        .map(b -> b.get("data").get(0).get("TrangThaiHoSo").asText()).toList();
  }
}
