package vn.gov.sct.onestop.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * The README's walkthrough "a fifth procedure in one sitting", followed with a fixture: a folder with the thin
 * model and its start form (src/test/resources/processes/tobacco-retail, a copy of a shipped procedure's folder
 * with its ids and fields changed), a catalog entry appended to the shipped processes/procedures.yaml
 * (src/test/resources/fifth-procedure/catalog-entry.yaml), no change to the common models. The application starts
 * with them and a counter dossier of the new procedure runs end to end.
 */
class FifthProcedureTest extends EngineTestSupport {

  @Autowired WorkingCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  /** processes/procedures.yaml with the fifth procedure's entry appended, as the modeller edits it. */
  @DynamicPropertySource
  static void catalogWithTheFifthProcedure(DynamicPropertyRegistry registry) {
    try {
      String shipped = Files.readString(Path.of("processes", "procedures.yaml"));
      String entry = new ClassPathResource("fifth-procedure/catalog-entry.yaml").getContentAsString(StandardCharsets.UTF_8);
      Path catalog = Files.createTempFile("procedures-", ".yaml");
      catalog.toFile().deleteOnExit();
      Files.writeString(catalog, shipped.stripTrailing() + "\n\n" + entry);
      registry.add("onestop.catalog.location", () -> catalog.toUri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_counter_dossier_of_the_new_procedure_runs_from_reception_to_the_returned_result() {
    Instant monday = clockAt("2026-03-02T08:00");
    asUser("motcua");
    ProcessInstance started;
    try {
      started = runtimeService.startProcessInstanceByKey("tobaccoRetail", vars(
          "applicantName", "Hộ kinh doanh Nguyễn Văn An", "applicantIdNumber", "031085001234",
          "applicantPhone", "0912345678", "applicantAddress", "Số 5 Cầu Đất, Ngô Quyền, Hải Phòng",
          "storeAddress", "Số 5 Cầu Đất, Ngô Quyền, Hải Phòng", "supplierName", "Công ty TNHH Thuốc lá Hải Phòng"));
    } finally {
      identityService.clearAuthentication();
    }
    String code = started.getBusinessKey();
    assertThat(code).as("the start listener gave the dossier its code").isNotBlank();
    assertThat(engine.getFormService().getStartFormData(started.getProcessDefinitionId()).getCamundaFormRef().getKey())
        .isEqualTo("startTobaccoRetail");

    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    Dossier received = registry.get(code);
    assertThat(received.procedureCode()).isEqualTo("tobacco-retail");
    assertThat(received.division()).isEqualTo("trade-management");
    assertThat(received.dueAt()).isEqualTo(calendar.addWorkingDays(monday, BigDecimal.TEN));

    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(code, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE", "appraisalNote", "Đủ điều kiện"));
    complete(code, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    complete(code, "issueResult", "vanphong", vars("documentNumber", "07/GP-SCT"));
    complete(code, "returnResult", "motcua", vars());

    Dossier done = registry.get(code);
    assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(done.timeliness()).isEqualTo("EARLY");
    List<String> units = jdbc.queryForList(
        "select to_unit from dossier_handoff where dossier_code = ? order by seq", String.class, code);
    assertThat(units).containsExactly("trade-management", "board", "office", "one-stop");
  }
}
