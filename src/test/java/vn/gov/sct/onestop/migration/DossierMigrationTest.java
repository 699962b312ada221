package vn.gov.sct.onestop.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.handoff.ControlSlip;
import vn.gov.sct.onestop.handoff.ControlSlipEntry;

/**
 * A real change of a common model, moved onto running dossiers: version 2 of common/division-processing adds a
 * step (the division head reviews the draft before it goes to the board) and renames the site inspection's record
 * step. The fixture is built from the shipped file at test time (so it follows the model as others change it) and
 * deployed beside it, then deleted. A promotion dossier in appraisal can move, and then walks through the added
 * step; a petroleum dossier waiting at the renamed step cannot, and the report says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierMigrationTest extends EngineTestSupport {

  private static final Path COMMON = Path.of("processes", "common");
  private static final String KEY = "divisionProcessing";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ControlSlip controlSlip;
  private final HttpClient http = HttpClient.newHttpClient();
  private String fixtureDeployment;

  @AfterEach
  void removeFixture() {
    if (fixtureDeployment != null) {
      engine.getRepositoryService().deleteDeployment(fixtureDeployment, true);
    }
  }

  @Test
  void running_dossiers_move_to_a_common_model_with_an_added_step_and_blocked_ones_are_explained() throws Exception {
    clockAt("2026-03-02T09:00");
    String promotion = submit("promotionRegistration", "Công ty Di Trú").getBusinessKey();
    complete(promotion, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    complete(promotion, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    String petroleum = submit("petroleumRetail", "Cửa hàng Xăng dầu Di Trú").getBusinessKey();
    complete(petroleum, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    complete(petroleum, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(petroleum, "scheduleInspection", "cv.thuongmai",
        vars("inspectionDate", new Date(), "inspectionTeam", "Đoàn kiểm tra số 1"));
    ProcessInstance promotionPhase = phase(promotion);
    int source = engine.getRepositoryService().getProcessDefinition(promotionPhase.getProcessDefinitionId()).getVersion();

    // a stale appraisal due date, as if the step's allotment had changed since the dossier entered it
    Task appraisal = openTask(promotion, "appraiseDossier");
    Date catalogDue = appraisal.getDueDate();
    Job overdueTimer = timer(promotionPhase.getId(), "appraiseDossierOverdue");
    Date warningDue = timer(promotionPhase.getId(), "appraiseDossierWarning").getDuedate();
    appraisal.setDueDate(new Date(catalogDue.getTime() + 86_400_000L));
    taskService.saveTask(appraisal);
    managementService.setJobDuedate(overdueTimer.getId(), appraisal.getDueDate());
    // and the division's open control-slip line, written at the handoff with the division's share as it was then
    Instant lineDue = openLine(promotion).dueAt();
    Instant petroleumLineDue = openLine(petroleum).dueAt();
    assertThat(openLine(promotion).toUnit()).isEqualTo("trade-management");
    jdbc.update("update dossier_handoff set due_at = ? where dossier_code = ? and finished_at is null",
        Timestamp.from(lineDue.plus(Duration.ofDays(1))), promotion);

    int target = deployVersionTwo();
    Map<String, Object> request = Map.of("processKey", KEY, "sourceVersion", source, "targetVersion", target);

    // only administrators
    assertThat(post("/api/v1/migrations/plan", request, "tp.thuongmai:demo").statusCode()).isEqualTo(403);
    HttpResponse<String> bad = post("/api/v1/migrations/plan", Map.of("processKey", KEY), "admin:admin");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("sourceVersion");

    JsonNode plan = json.readTree(post("/api/v1/migrations/plan", request, "admin:admin").body());
    assertThat(plan.path("planProblems")).isEmpty();
    assertThat(plan.path("movable").findValuesAsText("dossierCode")).contains(promotion).doesNotContain(petroleum);
    JsonNode blocked = blockedOf(plan, petroleum);
    assertThat(blocked.path("reasons").toString()).contains("recordInspection");
    assertThat(phase(promotion).getProcessDefinitionId()).as("a plan changes nothing")
        .isEqualTo(promotionPhase.getProcessDefinitionId());

    HttpResponse<String> executed = post("/api/v1/migrations", request, "admin:admin");
    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
    JsonNode report = json.readTree(executed.body());
    assertThat(report.path("migrated").asInt()).isEqualTo(plan.path("movable").size());
    assertThat(report.path("retimedSteps").toString()).contains("appraiseDossier@" + promotion);

    // the promotion dossier runs on version 2, with its step due as the catalog says, and its timers with it
    assertThat(engine.getRepositoryService().getProcessDefinition(phase(promotion).getProcessDefinitionId())
        .getVersion()).isEqualTo(target);
    assertThat(openTask(promotion, "appraiseDossier").getDueDate()).isEqualTo(catalogDue);
    assertThat(timer(promotionPhase.getId(), "appraiseDossierOverdue").getDuedate()).isEqualTo(catalogDue);
    assertThat(timer(promotionPhase.getId(), "appraiseDossierWarning").getDuedate()).isEqualTo(warningDue);
    // the division's open line carries the share the catalog gives it, counted from the handoff, as the slip shows
    assertThat(report.path("retimedSteps").toString()).contains("trade-management@" + promotion);
    assertThat(openLine(promotion).dueAt()).isEqualTo(lineDue);
    assertThat(openLine(petroleum).dueAt()).as("a dossier that did not move keeps its line").isEqualTo(petroleumLineDue);
    // a later retiming (after a batch, or a changed allotment) corrects a step again, and only that step
    Task moved = openTask(promotion, "appraiseDossier");
    moved.setDueDate(new Date(catalogDue.getTime() - 3_600_000L));
    taskService.saveTask(moved);
    JsonNode retimed = json.readTree(post("/api/v1/migrations/retime", Map.of("processKey", KEY, "targetVersion", target),
        "admin:admin").body());
    assertThat(retimed.path("retimedSteps").toString()).contains("appraiseDossier@" + promotion);
    assertThat(openTask(promotion, "appraiseDossier").getDueDate()).isEqualTo(catalogDue);
    assertThat(post("/api/v1/migrations/retime", Map.of("processKey", KEY, "targetVersion", target), "motcua:demo")
        .statusCode()).isEqualTo(403);
    // the petroleum dossier stayed on version 1, untouched
    assertThat(engine.getRepositoryService().getProcessDefinition(phase(petroleum).getProcessDefinitionId())
        .getVersion()).isEqualTo(source);

    // the added step: after appraisal the head reviews the draft, then it goes to the board as before
    complete(promotion, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE"));
    complete(promotion, "reviewDraft", "tp.thuongmai", vars());
    assertThat(openTask(promotion, "approveResult")).isNotNull();
    // registry and control slip went on as usual: the handoff to the board is on the slip
    assertThat(registry.get(promotion).status().code()).isEqualTo(4);
    assertThat(jdbcCount("select count(*) from dossier_handoff where dossier_code = ? and to_unit = 'board'",
        promotion)).isEqualTo(1);
  }

  private ControlSlipEntry openLine(String code) {
    return controlSlip.openEntry(code).orElseThrow();
  }

  private long jdbcCount(String sql, String code) {
    return jdbc.queryForObject(sql, Long.class, code);
  }

  private static JsonNode blockedOf(JsonNode plan, String code) {
    for (JsonNode blocked : plan.path("blocked")) {
      if (code.equals(blocked.path("dossierCode").asText())) {
        return blocked;
      }
    }
    throw new AssertionError("dossier " + code + " is not among the blocked ones: " + plan);
  }

  /** The called instance of division processing that runs the dossier's phase. */
  private ProcessInstance phase(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(code)
        .singleResult();
  }

  private Job timer(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .timers().singleResult();
  }

  /** Version 2 of common/division-processing, deployed with the folder's forms as the start-up deployment does. */
  private int deployVersionTwo() throws Exception {
    String xml = Files.readString(COMMON.resolve("division-processing.bpmn")).replace("recordInspection", "inspectSite");
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    SubProcess processing = model.getModelElementById("processing");
    SequenceFlow appraised = model.getModelElementById("appraised");
    FlowNode board = appraised.getTarget();
    UserTask review = model.newInstance(UserTask.class);
    review.setId("reviewDraft");
    review.setName("Lãnh đạo phòng duyệt dự thảo");
    review.setCamundaCandidateGroups("${responsibleDivision}-lead");
    review.setCamundaDueDate("${dueAt}");
    processing.addChildElement(review);
    SequenceFlow toBoard = model.newInstance(SequenceFlow.class);
    toBoard.setId("reviewedToBoard");
    processing.addChildElement(toBoard);
    toBoard.setSource(review);
    toBoard.setTarget(board);
    board.getIncoming().remove(appraised);
    board.getIncoming().add(toBoard);
    appraised.setTarget(review);
    review.getIncoming().add(appraised);
    review.getOutgoing().add(toBoard);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name("processes/common (migration test)").source("migration-test")
        .addInputStream("common/division-processing.bpmn", new ByteArrayInputStream(out.toByteArray()));
    try (Stream<Path> forms = Files.list(COMMON)) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        deployment.addInputStream("common/" + form.getFileName(), Files.newInputStream(form));
      }
    }
    fixtureDeployment = deployment.deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(fixtureDeployment)
        .processDefinitionKey(KEY).singleResult().getVersion();
  }

  private HttpResponse<String> post(String path, Object body, String credentials) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
