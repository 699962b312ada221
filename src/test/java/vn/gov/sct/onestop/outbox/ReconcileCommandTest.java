package vn.gov.sct.onestop.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import vn.gov.sct.onestop.OnestopApplication;
import vn.gov.sct.onestop.OutboxTestSupport;

/**
 * The operator's reconciliation command: a dossier whose status the portal refused is listed with its last error and
 * the command exits with 1; once the portal has it, it is no longer listed. The command itself is the packaged
 * application started without a web server and without the job executor, on the same database.
 */
class ReconcileCommandTest extends OutboxTestSupport {

  @Autowired ReconcileCommand command;
  @Autowired Environment environment;

  @Test
  void aDossierThePortalRefusedIsListedUntilThePortalHasIt() throws Exception {
    String code = submit("promotionRegistration", at("2026-03-16T09:00"));
    StubMapping down = PORTAL.stubFor(WireMock.post("/dvcqg/dongbo").atPriority(1).withRequestBody(containing(code))
        .willReturn(serviceUnavailable()));
    try {
      dispatch();
      assertThat(jdbc.queryForObject("select status from outbox_message where dossier_code = ? and channel = 'PORTAL'",
          String.class, code)).isEqualTo("PENDING");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(command.reconcile("portal", new PrintStream(out, true, StandardCharsets.UTF_8)))
          .isEqualTo(ReconcileCommand.SOME_UNACKNOWLEDGED);
      String table = out.toString(StandardCharsets.UTF_8);
      assertThat(table).contains("Mã hồ sơ", "Lỗi gần nhất", "hồ sơ có tin cuối cùng chưa được bên nhận xác nhận")
          .containsPattern(code + " +DongBoHoSoMC +PENDING \\(chờ gửi\\) +1 +\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} +Portal answered HTTP 503");

      // the packaged application's own path: no web server, no job executor, the same query, exit code 1
      int exit = ReconcileCommand.launch(OnestopApplication.class, new String[] {"--onestop.reconcile=portal",
          "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
          "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "sa"),
          "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
          // a second engine in this JVM beside the tests' one, under a name of its own
          "--camunda.bpm.process-engine-name=reconcile"});
      assertThat(exit).isEqualTo(ReconcileCommand.SOME_UNACKNOWLEDGED);
    } finally {
      PORTAL.removeStub(down);
    }

    dispatchWithRetries(3);
    ByteArrayOutputStream after = new ByteArrayOutputStream();
    command.reconcile("PORTAL", new PrintStream(after, true, StandardCharsets.UTF_8));
    assertThat(after.toString(StandardCharsets.UTF_8)).doesNotContain(code);
  }

  @Test
  void anUnknownChannelIsNamed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command.reconcile("fax", new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(ReconcileCommand.BAD_CHANNEL);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Kênh 'fax' không tồn tại; dùng email, sms, zalo hoặc portal." + System.lineSeparator());
  }
}
