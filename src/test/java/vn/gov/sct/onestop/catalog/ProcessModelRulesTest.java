package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Modelling rules a Java test can check, for every BPMN file under processes/ (issue 4, item 4). Each failure
 * names the file and the element. The Camunda Modeler lint (bpmnlint) runs outside the Maven build.
 */
class ProcessModelRulesTest {

  private static final Path ROOT = Paths.get("processes");
  /** Readable ASCII ids; generated ids such as Activity_0x8f2 or Flow_1abc are not. */
  private static final String READABLE_ID = "[a-z][A-Za-z0-9]*";
  private static final String GENERATED_ID = "(?i)(Activity|Flow|Gateway|Event|StartEvent|EndEvent|Task)_[0-9a-z]{5,}";
  /** A Vietnamese name has at least one letter with a Vietnamese diacritic. */
  private static final String VIETNAMESE = ".*[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ].*";

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(list).as("BPMN files under processes/").isNotEmpty();
      return list.stream();
    }
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge(Path file) {
    BpmnModelInstance model = read(file);
    List<String> problems = new ArrayList<>();
    List<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).toList();
    List<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shaped.contains(node.getId())) {
        problems.add(file + ": flow node '" + node.getId() + "' has no diagram shape");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edged.contains(flow.getId())) {
        problems.add(file + ": sequence flow '" + flow.getId() + "' has no diagram edge");
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void noTwoShapesOverlap(Path file) {
    BpmnModelInstance model = read(file);
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        // a subprocess, a pool and its lanes contain their shapes
        .filter(s -> !(s.getBpmnElement() instanceof SubProcess || s.getBpmnElement() instanceof Participant
            || s.getBpmnElement() instanceof Lane))
        .toList();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (attached(a, b) || attached(b, a)) {
          continue; // a boundary event sits on its task's border by design
        }
        if (overlap(a.getBounds(), b.getBounds())) {
          problems.add(file + ": shapes of '" + a.getBpmnElement().getId() + "' and '" + b.getBpmnElement().getId()
              + "' overlap");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static boolean attached(BpmnShape event, BpmnShape host) {
    return event.getBpmnElement() instanceof BoundaryEvent boundary
        && boundary.getAttachedTo().getId().equals(host.getBpmnElement().getId());
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskHasACandidateGroupADueDateAFormAndDocumentation(Path file) {
    List<String> problems = new ArrayList<>();
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      String where = file + ": user task '" + task.getId() + "'";
      if (blank(task.getCamundaCandidateGroups())) {
        problems.add(where + " has no candidate group");
      }
      if (blank(task.getCamundaDueDate())) {
        problems.add(where + " has no due date");
      }
      if (task.getDocumentations().isEmpty() || blank(task.getDocumentations().iterator().next().getTextContent())) {
        problems.add(where + " has no documentation saying what the person must do");
      }
      String form = task.getCamundaFormRef();
      if (blank(form) || !"deployment".equals(task.getCamundaFormRefBinding())) {
        problems.add(where + " has no Camunda Form (camunda:formRef with binding deployment)");
      } else if (!Files.exists(file.resolveSibling(form + ".form"))) {
        problems.add(where + " references form '" + form + "', but " + file.resolveSibling(form + ".form")
            + " does not exist in its folder (deployment)");
      }
    }
    assertThat(problems).isEmpty();
  }

  /** A task timed from the catalog carries its warning and overdue timers (and is thereby a scope). */
  @ParameterizedTest
  @MethodSource("models")
  void everyStepWithAnAllotmentHasWarningAndOverdueTimers(Path file) {
    BpmnModelInstance model = read(file);
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (!"${deadlines.stepDue(execution)}".equals(task.getCamundaDueDate())) {
        continue;
      }
      List<String> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo() == task && !b.cancelActivity())
          .flatMap(b -> b.getEventDefinitions().stream())
          .filter(TimerEventDefinition.class::isInstance)
          .map(d -> ((TimerEventDefinition) d).getTimeDate().getTextContent().trim())
          .toList();
      for (String expected : List.of("${deadlines.stepWarning(execution)}", "${deadlines.stepDue(execution)}")) {
        if (!timers.contains(expected)) {
          problems.add(file + ": user task '" + task.getId() + "' has no non-interrupting timer " + expected);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowOutOfADecisionHasAConditionOrIsTheDefault(Path file) {
    List<String> problems = new ArrayList<>();
    for (ExclusiveGateway gateway : read(file).getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() < 2) {
        continue; // a merging gateway
      }
      for (SequenceFlow flow : outgoing) {
        if (flow.getConditionExpression() == null && flow != gateway.getDefault()) {
          problems.add(file + ": sequence flow '" + flow.getId() + "' out of gateway '" + gateway.getId()
              + "' has no condition and is not the default");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessIsExecutableWithHistoryTimeToLive(Path file) {
    List<String> problems = new ArrayList<>();
    for (Process process : read(file).getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        problems.add(file + ": process '" + process.getId() + "' is not executable");
      }
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        problems.add(file + ": process '" + process.getId() + "' has no historyTimeToLive");
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void namesAreVietnameseAndIdsAreReadable(Path file) {
    BpmnModelInstance model = read(file);
    List<String> problems = new ArrayList<>();
    List<BaseElement> named = new ArrayList<>();
    named.addAll(model.getModelElementsByType(Process.class));
    named.addAll(model.getModelElementsByType(FlowNode.class));
    for (BaseElement element : named) {
      String name = element.getAttributeValue("name");
      if (blank(name) || !name.matches(VIETNAMESE)) {
        problems.add(file + ": element '" + element.getId() + "' needs a Vietnamese name, has '" + name + "'");
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (!element.getId().matches(READABLE_ID) || element.getId().matches(GENERATED_ID)) {
        problems.add(file + ": element id '" + element.getId() + "' is not a readable ASCII id like appraiseDossier");
      }
    }
    for (Task task : model.getModelElementsByType(Task.class)) {
      if (task.getDocumentations().isEmpty()) {
        problems.add(file + ": task '" + task.getId() + "' has no documentation");
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The common phases are one model called by every procedure, so every procedure must hand each of them the same
   * variables and take the same ones back: a variable added to one procedure's mapping (because a common form or
   * delegate started to read it) and forgotten in another would break that procedure only.
   */
  @Test
  void everyProcedureMapsTheSameVariablesIntoAndOutOfEachCommonPhase() throws IOException {
    Map<String, Map<String, List<String>>> byCalledElement = new TreeMap<>();
    for (Path file : models().toList()) {
      for (CallActivity call : read(file).getModelElementsByType(CallActivity.class)) {
        List<String> mappings = new ArrayList<>();
        for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
          mappings.add("in " + describe(in.getCamundaSource(), in.getCamundaSourceExpression(), in.getCamundaVariables(),
              in.getCamundaBusinessKey()) + " -> " + in.getCamundaTarget());
        }
        for (CamundaOut out : call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()) {
          mappings.add("out " + describe(out.getCamundaSource(), out.getCamundaSourceExpression(),
              out.getCamundaVariables(), null) + " -> " + out.getCamundaTarget());
        }
        byCalledElement.computeIfAbsent(call.getCalledElement(), k -> new TreeMap<>())
            .put(file + " (" + call.getId() + ")", mappings.stream().sorted().toList());
      }
    }
    assertThat(byCalledElement).as("call activities under processes/").isNotEmpty();
    byCalledElement.forEach((called, mappingsByCaller) -> assertThat(Set.copyOf(mappingsByCaller.values()))
        .as("variables mapped into and out of '%s', per caller: %s", called, mappingsByCaller)
        .hasSize(1));
  }

  private static String describe(String source, String expression, String variables, String businessKey) {
    return source != null ? source : expression != null ? expression : variables != null ? "variables=" + variables
        : "businessKey=" + businessKey;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
