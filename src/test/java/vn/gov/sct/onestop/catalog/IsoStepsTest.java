package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The common models read like the department's ISO process document (issue 19, item 3): one lane per responsible
 * unit, and every user task's documentation opens with its ISO step ("Bước 3.4 quy trình ISO (Thẩm định hồ sơ) –
 * Chuyên viên phòng chuyên môn: ..."). The catalog is the reference: each allotment names a step and its unit, in
 * the ISO document's order, so the step's lane must be the unit's and the step numbers must rise in the catalog's
 * order, in every procedure and every deadline version.
 */
class IsoStepsTest {

  private static final Path COMMON = Path.of("processes", "common");
  private static final List<String> MODELS = List.of("reception.bpmn", "division-processing.bpmn",
      "result-return.bpmn");
  /** The stages of the one-stop lifecycle (DOMAIN.md, Decree 61/2018 and 118/2025). */
  private static final Map<String, String> STAGES = Map.of("1", "Tiếp nhận hồ sơ", "2", "Chuyển hồ sơ",
      "3", "Thẩm định hồ sơ", "4", "Phê duyệt kết quả", "5", "Phát hành và trả kết quả", "6", "Hồ sơ sắp quá hạn");
  private static final Pattern ISO = Pattern.compile("^Bước (\\d+(?:\\.\\d+)?) quy trình ISO \\(([^)]+)\\) – ([^:]+): .+",
      Pattern.DOTALL);
  /** The lane of a catalog unit; the procedure's own division has two (its head and its specialists). */
  private static final Map<String, String> LANE_OF_UNIT = Map.of("one-stop", "Bộ phận Một cửa",
      "board", "Lãnh đạo Sở", "office", "Văn phòng Sở");
  private static final List<String> DIVISION_LANES = List.of("Lãnh đạo phòng chuyên môn",
      "Chuyên viên phòng chuyên môn");

  record Step(String model, String number, String lane) {}

  private static final Map<String, Step> steps = new HashMap<>();
  private static final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void readModels() {
    for (String file : MODELS) {
      BpmnModelInstance model = Bpmn.readModelFromFile(COMMON.resolve(file).toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String lane = laneOf(model, task);
        String doc = task.getDocumentations().stream().map(Documentation::getTextContent).findFirst().orElse("");
        Matcher m = ISO.matcher(doc);
        if (!m.matches()) {
          problems.add(file + ": user task '" + task.getId() + "' has no ISO step in its documentation: " + doc);
          continue;
        }
        String stage = STAGES.get(m.group(1).split("\\.")[0]);
        if (!m.group(2).equals(stage)) {
          problems.add(file + ": '" + task.getId() + "' names stage '" + m.group(2) + "', step " + m.group(1)
              + " is '" + stage + "'");
        }
        if (!m.group(3).equals(lane)) {
          problems.add(file + ": '" + task.getId() + "' names unit '" + m.group(3) + "' but lies in lane '" + lane + "'");
        }
        steps.put(task.getId(), new Step(file, m.group(1), lane));
      }
    }
  }

  private static String laneOf(BpmnModelInstance model, FlowNode node) {
    List<String> lanes = model.getModelElementsByType(Lane.class).stream()
        .filter(l -> l.getFlowNodeRefs().contains(node)).map(Lane::getName).toList();
    assertThat(lanes).as("lanes of '%s'", node.getId()).hasSize(1);
    return lanes.get(0);
  }

  @Test
  void everyUserTaskNamesItsIsoStepAndTheUnitOfItsLane() {
    assertThat(problems).isEmpty();
    assertThat(steps).containsKeys("checkCompleteness", "assignSpecialist", "appraiseDossier", "approveResult",
        "issueResult", "returnResult");
  }

  @Test
  void eachStepOfTheCatalogLiesInTheLaneOfItsUnitAndInTheCatalogsOrder() throws Exception {
    ProcedureCatalog catalog;
    try (InputStream in = Files.newInputStream(Path.of("processes", "procedures.yaml"))) {
      catalog = ProcedureCatalog.load("procedures.yaml", in);
    }
    List<String> wrong = new ArrayList<>();
    for (Procedure procedure : catalog.procedures()) {
      for (DeadlineVersion version : procedure.deadlines()) {
        BigDecimal previous = BigDecimal.ZERO;
        for (StepAllotment allotment : version.allotments()) {
          String where = procedure.code() + " from " + version.effectiveFrom() + ", step " + allotment.step();
          Step step = steps.get(allotment.step());
          if (step == null) {
            wrong.add(where + ": no user task of the common models with an ISO step");
            continue;
          }
          boolean laneFits = allotment.unit().equals(procedure.division())
              ? DIVISION_LANES.contains(step.lane()) : step.lane().equals(LANE_OF_UNIT.get(allotment.unit()));
          if (!laneFits) {
            wrong.add(where + ": unit " + allotment.unit() + " but lane '" + step.lane() + "'");
          }
          BigDecimal number = new BigDecimal(step.number());
          if (number.compareTo(previous) <= 0) {
            wrong.add(where + ": ISO step " + step.number() + " does not follow the step before it (" + previous + ")");
          }
          previous = number;
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void eachModelIsAPoolWhoseLanesAreTheUnitsOfItsStepsAndAreDrawn() {
    for (String file : MODELS) {
      BpmnModelInstance model = Bpmn.readModelFromFile(COMMON.resolve(file).toFile());
      assertThat(model.getModelElementsByType(Participant.class)).as(file).singleElement()
          .satisfies(p -> assertThat(p.getProcess().isExecutable()).isTrue());
      List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
          .map(s -> s.getBpmnElement().getId()).toList();
      for (Lane lane : model.getModelElementsByType(Lane.class)) {
        assertThat(drawn).as("%s: lane '%s' has a shape", file, lane.getName()).contains(lane.getId());
        assertThat(lane.getFlowNodeRefs()).as("%s: lane '%s' holds a user task", file, lane.getName())
            .anyMatch(UserTask.class::isInstance);
      }
    }
  }
}
