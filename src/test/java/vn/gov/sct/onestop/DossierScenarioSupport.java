package vn.gov.sct.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.sla.SlaEvents;

/**
 * Helpers for the stories of the four procedures: the engine clock moved as the job executor would see it,
 * tasks completed by key. The engine, database and coverage come from {@link EngineTestSupport}.
 */
public abstract class DossierScenarioSupport extends EngineTestSupport {

  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected HistoryService history;
  @Autowired protected DossierRegistry registry;
  @Autowired protected SlaEvents slaEvents;
  @Autowired protected WorkingCalendar calendar;
  @Autowired protected JdbcTemplate jdbc;

  /** A local time in Hải Phòng. */
  protected Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }

  protected void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  protected Instant now() {
    return EngineClock.now();
  }

  /** A clerk starts the procedure at the given instant; returns the dossier code (the business key). */
  protected String submit(String processKey, Instant at) {
    clockAt(at);
    ProcessInstance instance = runtime.startProcessInstanceByKey(processKey,
        Map.of("applicantName", "Công ty TNHH Thương mại Hải An", "applicantPhone", "0225 3842 001"));
    return instance.getBusinessKey();
  }

  protected Task task(String code, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list();
    assertThat(found).as("open task %s of dossier %s", taskKey, code).hasSize(1);
    return found.get(0);
  }

  protected List<String> openTaskKeys(String code) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  protected void complete(String code, String taskKey, Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    tasks.complete(task(code, taskKey).getId(), vars);
  }

  /** Moves the engine clock and runs every job that is due then, as the job executor would. */
  protected void moveClockTo(Instant instant) {
    clockAt(instant);
    runDueJobs();
  }

  protected void advance(Duration duration) {
    moveClockTo(now().plus(duration));
  }

  protected void runDueJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep becoming due");
  }

  protected Dossier dossier(String code) {
    return registry.get(code);
  }

  protected boolean ended(String code) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count() == 0;
  }

  protected Date date(Instant instant) {
    return Date.from(instant);
  }
}
