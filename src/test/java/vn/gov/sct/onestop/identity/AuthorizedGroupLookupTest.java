package vn.gov.sct.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * Every authorized command asks which of the user's groups have authorizations; {@link AuthorizedGroupLookupManager}
 * answers it with index look-ups instead of reading the whole authorization table (BENCHMARKS.md, run 7). The answer
 * and therefore what each clerk sees must not change: the same groups as the engine's own manager, the same tasks
 * through the filters, the task query and the REST API, and an administrator's revoke still revokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizedGroupLookupTest extends EngineTestSupport {

  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizations;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** The dossier received by the one-stop clerk, waiting in the trade head's queue ({@code assignSpecialist}). */
  private String dossierAtAssignment(String applicant) {
    clockAt("2026-04-06T09:00");
    String code = submit("promotionRegistration", applicant).getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    return code;
  }

  private String dossierAtAppraisal(String applicant) {
    String code = dossierAtAssignment(applicant);
    complete(code, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    return code;
  }

  @Test
  void the_engine_takes_its_authorization_manager_from_us() {
    AuthorizationManager manager = commands().execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroupLookupManager.class);
  }

  @Test
  void it_names_the_same_groups_as_the_engines_own_manager() {
    String fresh = "lookup-test-" + System.nanoTime();
    List<List<String>> questions = List.of(
        List.of("trade-management"),
        List.of("trade-management", "trade-management-lead", "no-such-group"),
        Arrays.asList("one-stop", null, "one-stop"),
        List.of("energy-management", "board", "office", "camunda-admin"),
        List.of(fresh),
        List.of());
    commands().execute(context -> {
      AuthorizationManager ours = context.getAuthorizationManager();
      AuthorizationManager engines = new AuthorizationManager();
      for (List<String> groups : questions) {
        List<String> expected = engines.filterAuthenticatedGroupIds(groups);
        List<String> actual = ours.filterAuthenticatedGroupIds(groups);
        assertThat(actual).as("groups with authorizations among %s", groups).isInstanceOf(ArrayList.class)
            .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(new HashSet<>(expected));
      }
      // MyBatis reads the list by reflection: a real ArrayList, also for no groups
      assertThat(ours.filterAuthenticatedGroupIds(null)).isInstanceOf(ArrayList.class).isEmpty();
      assertThat(ours.filterAuthenticatedGroupIds(List.of("trade-management", "no-such-group")))
          .containsExactly("trade-management");
      assertThat(ours.filterAuthenticatedGroupIds(List.of(fresh))).isEmpty();
      return null;
    });

    // a group without rows is left out; once an administrator grants it something, the next command names it
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(fresh);
    grant.setResource(Resources.FILTER);
    grant.setResourceId("no-such-filter");
    grant.addPermission(Permissions.READ);
    String id = authorizations.saveAuthorization(grant).getId();
    try {
      List<String> named = commands().execute(context -> context.getAuthorizationManager()
          .filterAuthenticatedGroupIds(List.of(fresh, "no-such-group")));
      assertThat(named).containsExactly(fresh);
    } finally {
      authorizations.deleteAuthorization(id);
    }
  }

  @Test
  void clerks_see_the_same_tasks_through_filters_task_queries_and_rest() throws Exception {
    String code = dossierAtAppraisal("Công ty TNHH Tra Cứu Nhóm");
    String division = divisionFilter("cv.thuongmai", "trade-management/all").getId();

    asUser("cv.thuongmai");
    assertThat(filterService.<Task>list(division)).extracting(Task::getProcessInstanceId)
        .contains(openTask(code, "appraiseDossier").getProcessInstanceId());
    long inFilter = filterService.count(division);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("appraiseDossier");
    identityService.clearAuthentication();
    // as the engine counts it without any authorization check: every open task of the division's group
    assertThat(inFilter).isEqualTo(taskService.createTaskQuery().taskCandidateGroup("trade-management")
        .includeAssignedTasks().count());

    asUser("cv.nangluong");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(filterService.createFilterQuery().filterId(division).count()).isZero();
    identityService.clearAuthentication();

    String byCode = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    assertThat(get(byCode, "cv.thuongmai")).hasSize(1);
    assertThat(get(byCode, "cv.nangluong")).isEmpty();
    assertThat(get("/engine-rest/filter/" + division + "/count", "cv.thuongmai").get("count").asLong())
        .isEqualTo(inFilter);
    JsonNode page = get("/engine-rest/filter/" + division + "/list?firstResult=0&maxResults=500", "cv.thuongmai");
    assertThat(page.findValuesAsText("processInstanceId"))
        .contains(openTask(code, "appraiseDossier").getProcessInstanceId());
    assertThat(status("/engine-rest/filter/" + division + "/list", "cv.nangluong")).isIn(403, 404);
  }

  @Test
  void an_administrators_revoke_still_revokes() {
    String code = dossierAtAssignment("Công ty TNHH Thu Hồi Quyền");
    Task assignment = openTask(code, "assignSpecialist");
    String leadQueue = divisionFilter("tp.thuongmai", "trade-management-lead/all").getId();
    assertThat(sees("tp.thuongmai", code)).isTrue();
    assertThat(sees("cv.thuongmai", code)).isFalse(); // the head's queue, not the specialists'

    // in Admin: tp.thuongmai may not read this one task, which the group trade-management-lead may read
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("tp.thuongmai");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(assignment.getId());
    revoke.removePermission(Permissions.READ);
    String id = authorizations.saveAuthorization(revoke).getId();
    try {
      MappedStatementLog.Recorded<Boolean> seen = MappedStatementLog.record(engine, () -> sees("tp.thuongmai", code));
      assertThat(seen.result()).isFalse();
      assertThat(seen.count("selectRevokeAuthorization")).isEqualTo(1);
      asUser("tp.thuongmai");
      assertThat(filterService.<Task>list(leadQueue)).extracting(Task::getId).doesNotContain(assignment.getId());
      identityService.clearAuthentication();
    } finally {
      authorizations.deleteAuthorization(id);
    }
    assertThat(sees("tp.thuongmai", code)).isTrue();
    asUser("tp.thuongmai");
    assertThat(filterService.<Task>list(leadQueue)).extracting(Task::getId).contains(assignment.getId());
  }

  @Test
  void no_command_reads_every_group_of_the_authorization_table() {
    dossierAtAppraisal("Công ty TNHH Đếm Câu Lệnh");
    String division = divisionFilter("cv.thuongmai", "trade-management/all").getId();
    asUser("cv.thuongmai");
    MappedStatementLog.Recorded<Long> recorded = MappedStatementLog.record(engine, () ->
        filterService.<Task>list(division).size() + filterService.count(division)
            + taskService.createTaskQuery().count());
    identityService.clearAuthentication();

    assertThat(recorded.result()).isPositive();
    // three commands, each with its task query and at most one revoke check; the engine's manager adds a
    // SELECT distinct GROUP_ID_ over the whole table to each
    assertThat(recorded.statements()).contains("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    assertThat(recorded.count("selectAuthorizedGroupIds")).isZero();
    assertThat(recorded.count("selectRevokeAuthorization")).isLessThanOrEqualTo(3);
  }

  private boolean sees(String userId, String code) {
    asUser(userId);
    try {
      return taskService.createTaskQuery().processInstanceBusinessKey(code).count() > 0;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user's filter with that key ({@link TasklistFilters#KEY}), as the user reads the filters. */
  private Filter divisionFilter(String userId, String key) {
    asUser(userId);
    try {
      return filterService.createFilterQuery().list().stream()
          .filter(f -> key.equals(f.getProperties().get(TasklistFilters.KEY))).findFirst().orElseThrow();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.send(request(path, user), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s as %s", path, user).isEqualTo(200);
    return json.readTree(response.body());
  }

  private int status(String path, String user) throws Exception {
    return http.send(request(path, user), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8))).build();
  }
}
