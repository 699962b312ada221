package vn.gov.sct.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;

/** Each division sees its own work in Tasklist, and only its own. */
class DivisionAuthorizationTest extends EngineTestSupport {

  @Autowired FilterService filterService;

  private String dossierAtAppraisal() {
    clockAt("2026-04-06T09:00");
    String code = submit("promotionRegistration", "Công ty TNHH Phân Quyền").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    return code;
  }

  /** Whether the user's task list (as Tasklist queries it) shows a task of the dossier. */
  private boolean seesDossier(String userId, String code) {
    asUser(userId);
    try {
      return taskService.createTaskQuery().processInstanceBusinessKey(code).count() > 0;
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void a_specialist_of_another_division_can_neither_see_nor_complete_the_task() {
    String code = dossierAtAppraisal();
    Task appraisal = openTask(code, "appraiseDossier");

    assertThat(seesDossier("cv.thuongmai", code)).isTrue();
    assertThat(seesDossier("cv.nangluong", code)).isFalse();
    assertThat(seesDossier("motcua", code)).isFalse();

    asUser("cv.nangluong");
    assertThatThrownBy(() -> taskService.complete(appraisal.getId(), vars("appraisalProposal", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.claim(appraisal.getId(), "cv.nangluong"))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(openTask(code, "appraiseDossier").getAssignee()).isEqualTo("cv.thuongmai");
  }

  @Test
  void the_task_cards_show_the_dossier_to_its_division_only() {
    String code = dossierAtAppraisal();
    Task appraisal = openTask(code, "appraiseDossier");
    assertThat(appraisal.getName()).endsWith(" – " + code);

    asUser("cv.thuongmai");
    assertThat(runtimeService.createVariableInstanceQuery().taskIdIn(appraisal.getId()).variableName("dossierCode")
        .singleResult().getValue()).isEqualTo(code);
    identityService.clearAuthentication();

    asUser("cv.nangluong");
    assertThat(runtimeService.createVariableInstanceQuery().taskIdIn(appraisal.getId()).count()).isZero();
    assertThat(runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(appraisal.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void the_board_and_managers_see_every_dossier_but_managers_cannot_act() {
    String code = dossierAtAppraisal();
    assertThat(seesDossier("giamdoc", code)).isTrue();
    assertThat(seesDossier("quanly", code)).isTrue();

    Task appraisal = openTask(code, "appraiseDossier");
    asUser("quanly");
    assertThatThrownBy(() -> taskService.complete(appraisal.getId(), vars("appraisalProposal", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void each_division_has_its_own_ready_filters() {
    String code = dossierAtAppraisal();
    asUser("cv.thuongmai");
    List<Filter> filters = filterService.createFilterQuery().list();
    assertThat(filters).extracting(Filter::getName)
        .contains("Hồ sơ của phòng tôi", "Việc của tôi", "Sắp đến hạn", "Quá hạn");
    Filter division = filters.stream()
        .filter(f -> "trade-management/all".equals(f.getProperties().get(TasklistFilters.KEY)))
        .findFirst().orElseThrow();
    List<Task> tasks = filterService.list(division.getId());
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).contains("appraiseDossier");
    identityService.clearAuthentication();

    asUser("cv.nangluong");
    assertThat(filterService.createFilterQuery().list())
        .noneMatch(f -> "trade-management/all".equals(f.getProperties().get(TasklistFilters.KEY)));
    assertThat(code).isNotBlank();
  }
}
