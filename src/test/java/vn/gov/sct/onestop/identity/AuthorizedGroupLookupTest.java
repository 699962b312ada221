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
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.TestDatabase;

/**
 * Every authorized command asks which of the user's groups have authorizations; {@link AuthorizedGroupLookupManager}
 * answers it with index look-ups instead of reading the whole authorization table (BENCHMARKS.md, run 7). The answer
 * and therefore what each clerk sees must not change: the same groups as the engine's own manager, the same tasks
 * through the filters, the task query and the REST API, and an administrator's revoke still revokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizedGroupLookupTest extends EngineTestSupport {

  /**
   * The engine's revoke check, run once per authorized command while revokes are checked ("auto": whenever the user
   * or a group has a revoke row), as its mapping writes it (Authorization.xml, selectRevokeAuthorization), values
   * inlined. No index of its own: the unique constraints ACT_UNIQ_AUTH_USER / _GROUP begin with TYPE_.
   */
  private static final String REVOKE_CHECK = "SELECT CASE WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION "
      + "WHERE TYPE_ = 2 AND (USER_ID_ IN ('cv.thuongmai', '*') OR GROUP_ID_ IN ('trade-management'))) "
      + "THEN 1 ELSE 0 END";

  @Autowired FilterService filterService;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ProcessEngine registeredBefore;

  /**
   * The engine REST API takes its engine from Camunda's static registry by name, and the test JVM keeps several
   * application contexts, each with an engine "default": the last one started is registered. This context's engine
   * is the one its web layer signs the clerk in to, so the REST calls here go to it; the registry is put back after.
   */
  @BeforeEach
  void restServesThisContextsEngine() {
    registeredBefore = ProcessEngines.getProcessEngines().get(engine.getName());
    ProcessEngines.registerProcessEngine(engine);
  }

  @AfterEach
  void restoreTheRegistry() {
    if (registeredBefore != null) {
      ProcessEngines.registerProcessEngine(registeredBefore);
    }
  }

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

  @Test
  void the_revoke_check_and_the_lookup_of_a_group_without_rows_read_an_index_entry_not_the_table() throws Exception {
    // a division's worth of per-task grants, so that reading the table would cost something
    List<String> ids = grantTasks("plan-test-" + System.nanoTime(), 2000);
    try {
      String lookUp = AuthorizedGroupLookupManager.sql("", "", 1).replace("?", "'no-such-group'");
      for (String sql : List.of(REVOKE_CHECK, lookUp)) {
        if (TestDatabase.isPostgres()) {
          jdbc.execute("analyze act_ru_authorization");
          JsonNode plan = json.readTree(jdbc.queryForObject("explain (format json) " + sql, String.class)).get(0);
          List<String> scans = new ArrayList<>();
          plan.findParents("Relation Name").forEach(node -> scans.add(node.get("Node Type").asText()));
          assertThat(scans).as("%s: %s", sql, plan).isNotEmpty().allMatch(scan -> scan.startsWith("Index"));
        } else {
          String plan = jdbc.queryForObject("explain " + sql, String.class);
          assertThat(plan).as(plan).doesNotContainIgnoringCase("tableScan").containsPattern("ACT_(UNIQ|IDX)_AUTH_");
        }
      }
    } finally {
      commands().execute(context -> {
        ids.forEach(id -> context.getAuthorizationManager().delete(
            context.getDbEntityManager().selectById(AuthorizationEntity.class, id)));
        return null;
      });
    }
  }

  /** READ grants on single tasks for the group, as the engine writes one per open task of its candidate group. */
  private List<String> grantTasks(String groupId, int tasks) {
    return commands().execute(context -> {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.TASK);
        grant.setResourceId(UUID.randomUUID().toString());
        grant.addPermission(Permissions.READ);
        context.getAuthorizationManager().insert(grant);
        ids.add(grant.getId());
      }
      return ids;
    });
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
