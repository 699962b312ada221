package vn.gov.sct.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sct.onestop.dossier.DossierRegistry;

/**
 * Base of the tests that run the real engine in the real application context, on H2 or (in the Maven
 * build's second pass) on PostgreSQL. The job executor is off: a test fires timers itself after moving the
 * engine clock. Each test works on dossiers of its own, so tests share one database and one context.
 */
@Tag("engine")
@SpringBootTest
// a property source, not @SpringBootTest's properties: a test class with its own @SpringBootTest (a web environment)
// replaces that annotation, while these settings stay with every engine test
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.main.banner-mode=off",
    // tests fold the statistics deltas themselves (StatisticsSummaryTest); a scheduled run at the JVM's exit would
    // wait for a connection to the embedded PostgreSQL, which its own shutdown hook has already stopped
    "onestop.statistics.compaction-interval=PT24H",
    // tests that send the outbox's rows drive its dispatcher themselves (OutboxTestSupport), for the same reason
    "onestop.outbox.auto-dispatch=false",
    // rejected completions in the bad-input stories are expected; the engine logs each as an error
    "logging.level.org.camunda.bpm.engine.context=off"
})
// flow node and sequence flow coverage of every model, over all engine tests: target/process-test-coverage
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class EngineTestSupport {

  protected static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected IdentityService identityService;
  @Autowired protected DossierRegistry registry;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** Sets the engine clock to a local time in Hải Phòng, e.g. {@code "2026-02-13T16:45"}. */
  protected static Instant clockAt(String localDateTime) {
    Instant instant = vn(localDateTime);
    ClockUtil.setCurrentTime(Date.from(instant));
    return instant;
  }

  protected static Instant vn(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
  }

  /** A counter dossier of the procedure, as the one-stop clerk starts it. */
  protected ProcessInstance submit(String processKey, String applicant) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantName", applicant);
    variables.put("applicantIdNumber", "0201234567");
    variables.put("applicantPhone", "0912345678");
    variables.put("applicantAddress", "Số 1 Lạch Tray, Ngô Quyền, Hải Phòng");
    return runtimeService.startProcessInstanceByKey(processKey, variables);
  }

  /** The one open task of the dossier with that task id, in the procedure or one of its call activities. */
  protected Task openTask(String dossierCode, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(dossierCode)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task %s of dossier %s", taskKey, dossierCode).hasSize(1);
    return tasks.get(0);
  }

  /** Claims and completes the task as the user, with the user's groups, as Tasklist does. */
  protected void complete(String dossierCode, String taskKey, String userId, Map<String, Object> variables) {
    Task task = openTask(dossierCode, taskKey);
    asUser(userId);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected void asUser(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    identityService.setAuthentication(userId, groups);
  }

  /** Fires the one timer job of the process instances of the dossier whose activity is the given id. */
  protected void fireTimer(String dossierCode, String activityId) {
    List<Job> jobs = managementService.createJobQuery().timers().activityId(activityId).list().stream()
        .filter(j -> dossierCode.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    assertThat(jobs).as("timer %s of dossier %s", activityId, dossierCode).hasSize(1);
    managementService.executeJob(jobs.get(0).getId());
  }

  protected static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
