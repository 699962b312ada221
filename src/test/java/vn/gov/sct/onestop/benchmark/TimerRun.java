package vn.gov.sct.onestop.benchmark;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Run 3: a backlog of SLA warning timers that all fall due at once. With the job executor stopped and the
 * engine clock at a working Monday 08:00, M dossiers are started (each gets the warning timer of its first
 * step, halfway through its half day: 10:00); the clock then moves to 10:30 (past every warning, before any
 * overdue timer, 14:00) and the job executor starts: the time until the last warning timer has fired, and a check
 * that none fired twice. Reference: a bare process whose user task has a boundary timer that does nothing, under
 * the same job-executor settings.
 */
final class TimerRun {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  /** Working Mondays without holidays, one per measurement, going back in time (see startOf). */
  private static final LocalDateTime FIRST_MONDAY = LocalDateTime.parse("2026-11-09T08:00");
  static final String BARE_KEY = "benchBareTimer";
  static final String BARE_WARNING = "benchWarning";

  private final Bench bench;

  TimerRun(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    Options o = bench.options;
    String run = "3 Timers";
    bench.deployReference("bare-timer.bpmn");
    bench.grantStart(BARE_KEY);
    JobExecutor executor = bench.jobExecutor();
    if (executor == null) {
      bench.report.note(run, "not measured: the engine has no job executor");
      return;
    }
    executor.shutdown();
    String warning = warningActivity();
    if (warning == null) {
      bench.report.row(run, "warning timers fired/s", "not available yet", "–", "–", "≥ 0.8");
      bench.report.note(run, "not available yet: a new promotion-registration dossier has no SLA warning timer "
          + "(boundary timer whose activity id ends in 'Warning'); measured once the SLA model lands.");
      return;
    }
    int warmUp = Math.max(100, o.timers() / 10);
    int slot = 0;
    Bench.log("run 3: warm-up, %d timers of each", warmUp);
    measure(true, warning, warmUp, slot++);
    measure(false, warning, warmUp, slot++);
    Sample ours = new Sample();
    Sample bare = new Sample();
    Sample creation = new Sample();
    long duplicates = 0;
    long missing = 0;
    for (int r = 0; r < o.repeats(); r++) {
      boolean oursFirst = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean isOurs = (k == 0) == oursFirst;
        Result result = measure(isOurs, warning, o.timers(), slot++);
        (isOurs ? ours : bare).add(o.timers() / result.seconds());
        if (isOurs) {
          creation.add(o.timers() / result.creationSeconds());
        }
        duplicates += result.duplicates();
        missing += result.missing();
      }
    }
    bench.report.higherIsBetter(run, "warning timers fired/s, backlog of " + o.timers(), ours, bare, 0, "≥ 0.8");
    bench.report.row(run, "seconds until all " + o.timers() + " fired (at the median rate)",
        Sample.format(o.timers() / ours.median(), 1), Sample.format(o.timers() / bare.median(), 1), "–",
        "bare engine: about 25 s");
    JobExecutor je = executor;
    bench.report.note(run, String.format(
        "Job executor settings (application.yaml, camunda.bpm.job-execution, the same for both): core pool %s, max "
            + "pool %s, queue %s, max jobs per acquisition %d, wait time %d ms, max wait %d ms, backoff %d ms, "
            + "lock time %d ms.",
        bench.context.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size", "3 (default)"),
        bench.context.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size", "10 (default)"),
        bench.context.getEnvironment().getProperty("camunda.bpm.job-execution.queue-capacity", "3 (default)"),
        je.getMaxJobsPerAcquisition(), je.getWaitTimeInMillis(), je.getMaxWait(), je.getBackoffTimeInMillis(),
        je.getLockTimeInMillis()));
    bench.report.note(run, String.format("Our timer fires the boundary event '%s' and its service task (the SLA "
        + "warning delegate: registry event, task priority). Checked per measurement from the engine history "
        + "(act_hi_actinst of the boundary event): %d fired twice, %d did not fire. Creating the backlog (not part "
        + "of the figure): %s dossiers started/s.", warning, duplicates, missing, creation.describe(0)));
  }

  record Result(double seconds, double creationSeconds, long duplicates, long missing) {}

  /** One backlog of n timers of ours or of the reference, fired by the job executor. */
  private Result measure(boolean ours, String warningOfOurs, int n, int slot) throws Exception {
    JobExecutor executor = bench.jobExecutor();
    executor.shutdown();
    LocalDateTime monday = FIRST_MONDAY.minusWeeks(slot);
    Date t0 = Date.from(monday.atZone(VN).toInstant());
    Date fireAt = Date.from(monday.plusMinutes(150).atZone(VN).toInstant());
    String activity = ours ? warningOfOurs : BARE_WARNING;
    ClockUtil.setCurrentTime(t0);
    double creation;
    try {
      creation = Bench.parallel(n, bench.options.threads(), i -> create(ours, i, t0));
    } finally {
      ClockUtil.setCurrentTime(fireAt);
    }
    Integer pending = pending(activity);
    Integer others = bench.jdbc.queryForObject("select count(*) from act_ru_job j left join act_ru_jobdef d on "
        + "d.id_ = j.job_def_id_ where j.duedate_ <= ? and (d.act_id_ is null or d.act_id_ <> ?)", Integer.class,
        new Timestamp(fireAt.getTime()), activity);
    if (pending == null || pending < n) {
      throw new IllegalStateException("Expected " + n + " due timers of " + activity + ", found " + pending);
    }
    if (others != null && others > 0) {
      Bench.log("run 3: note: %d other jobs are due as well and run with the backlog", others);
    }
    long start = System.nanoTime();
    executor.start();
    long deadline = start + 30L * 60 * 1_000_000_000L;
    int left = pending;
    while (left > 0) {
      Thread.sleep(20);
      left = pending(activity);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(left + " timers of " + activity + " still pending after 30 minutes");
      }
      Integer failed = bench.jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_jobdef d on "
          + "d.id_ = j.job_def_id_ where d.act_id_ = ? and j.exception_msg_ is not null", Integer.class, activity);
      if (failed != null && failed > 0 && left == failed) {
        throw new IllegalStateException(failed + " timers of " + activity + " failed; see act_ru_job.exception_msg_");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    executor.shutdown();
    Map<String, Object> fired = bench.jdbc.queryForMap("select count(*) as fired, count(distinct proc_inst_id_) as "
        + "instances from act_hi_actinst where act_id_ = ? and start_time_ >= ? and start_time_ < ?", activity,
        new Timestamp(fireAt.getTime()), new Timestamp(fireAt.getTime() + 3_600_000L));
    long firedCount = ((Number) fired.get("fired")).longValue();
    long instances = ((Number) fired.get("instances")).longValue();
    long duplicates = firedCount - instances;
    long missing = n - instances;
    String slaCheck = "";
    if (ours && bench.tableExists("sla_event")) {
      Map<String, Object> events = bench.jdbc.queryForMap("select count(*) as events, count(distinct dossier_code) as "
          + "dossiers from sla_event where kind = 'WARNING' and occurred_at >= ? and occurred_at < ?",
          new Timestamp(fireAt.getTime()), new Timestamp(fireAt.getTime() + 3_600_000L));
      long e = ((Number) events.get("events")).longValue();
      long d = ((Number) events.get("dossiers")).longValue();
      duplicates += e - d;
      missing += n - d;
      slaCheck = String.format(", sla_event: %d warnings for %d dossiers", e, d);
    }
    Bench.log("run 3: %s: %d timers fired in %.2f s = %.0f/s (created at %.0f/s); fired %d for %d instances%s",
        ours ? "ours" : "bare", n, seconds, n / seconds, n / creation, firedCount, instances, slaCheck);
    ClockUtil.reset();
    return new Result(seconds, creation, duplicates, missing);
  }

  private Integer pending(String activity) {
    return bench.jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
        + "where j.type_ = 'timer' and d.act_id_ = ?", Integer.class, activity);
  }

  private void create(boolean ours, int i, Date t0) {
    bench.asUser("motcua");
    try {
      if (ours) {
        bench.runtime.startProcessInstanceByKey(Lifecycle.PROCESS_KEY, Lifecycle.startVariables(i));
      } else {
        Map<String, Object> variables = Lifecycle.startVariables(i);
        variables.put("warningAt", t0);
        bench.runtime.startProcessInstanceByKey(BARE_KEY, "BARE-TIMER-" + System.nanoTime() + "-" + i, variables);
      }
    } finally {
      bench.signOut();
    }
  }

  /** The activity id of the SLA warning timer a new dossier gets, or null when the models have none. */
  private String warningActivity() {
    LocalDateTime probe = FIRST_MONDAY.plusWeeks(1);
    ClockUtil.setCurrentTime(Date.from(probe.atZone(VN).toInstant()));
    try {
      bench.asUser("motcua");
      ProcessInstance instance;
      try {
        instance = bench.runtime.startProcessInstanceByKey(Lifecycle.PROCESS_KEY, Lifecycle.startVariables(-1));
      } finally {
        bench.signOut();
      }
      List<String> timers = bench.jdbc.queryForList("select d.act_id_ from act_ru_job j join act_ru_jobdef d on "
          + "d.id_ = j.job_def_id_ join act_ru_execution e on e.id_ = j.execution_id_ where j.type_ = 'timer' and "
          + "d.act_id_ like '%Warning' and "
          + "(e.proc_inst_id_ = ? or e.proc_inst_id_ in (select id_ from act_ru_execution where super_exec_ in "
          + "(select id_ from act_ru_execution where proc_inst_id_ = ?)))", String.class, instance.getId(),
          instance.getId());
      bench.runtime.deleteProcessInstance(instance.getId(), "benchmark probe", true, true);
      return timers.isEmpty() ? null : timers.get(0);
    } finally {
      ClockUtil.reset();
    }
  }
}
