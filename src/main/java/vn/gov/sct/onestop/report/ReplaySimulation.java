package vn.gov.sct.onestop.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.StepAllotment;

/**
 * Replays a synthetic stream of dossiers through the real processes with the engine clock: a discrete-event
 * simulation. One queue of events ordered by simulated instant (arrivals, task completions); before each event
 * the engine clock moves to its instant, and every timer job due by then is fired first, at its own due time,
 * with {@link ManagementService#executeJob} (the job executor must be off). Each user task is completed after a
 * random working time drawn from its step's allotment in the catalog (seeded: the same options give the same
 * replay); in slow mode the times exceed the allotments.
 */
@Component
public class ReplaySimulation {

  private static final Logger log = LoggerFactory.getLogger(ReplaySimulation.class);

  /**
   * @param from first day dossiers arrive
   * @param to last day dossiers arrive
   * @param dossiers how many arrive, spread evenly over the working days
   * @param slow step times of 70–150 % of the allotments instead of 10–60 %
   * @param seed of the random choices
   */
  public record Options(LocalDate from, LocalDate to, int dossiers, boolean slow, long seed) {}

  /** What the replay did. */
  public record Result(int started, int tasksCompleted, int timersFired, int apologies, int errors,
      Duration runtime) {}

  /** Share of the arrivals per process key; procedures the catalog has that are not listed get 5 %. */
  private static final Map<String, Double> WEIGHTS = Map.of(
      "promotionRegistration", 0.62, "inspectionSeal", 0.18, "petroleumRetail", 0.12, "electricityRetail", 0.08);
  private static final double ONLINE_SHARE = 0.3;
  private static final double SUPPLEMENT_SHARE = 0.03;
  private static final double REFUSAL_SHARE = 0.02;
  private static final double SEND_BACK_SHARE = 0.02;
  private static final Map<String, String> SPECIALISTS = Map.of(
      "trade-management", "cv.thuongmai", "energy-management", "cv.nangluong");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;

  public ReplaySimulation(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      RepositoryService repositoryService, IdentityService identityService, ProcedureCatalog catalog,
      WorkingCalendar calendar) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  public Result run(Options options) {
    return new Run(options).execute();
  }

  /** The procedures of the catalog whose process is deployed, with their arrival weights. */
  List<Procedure> procedures() {
    List<Procedure> deployed = new ArrayList<>();
    for (Procedure p : catalog.procedures()) {
      if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(p.processKey()).latestVersion()
          .count() > 0) {
        deployed.add(p);
      }
    }
    if (deployed.isEmpty()) {
      throw new IllegalStateException("No procedure of the catalog has a deployed process");
    }
    return deployed;
  }

  private final class Run {
    final Options options;
    final Random random;
    final PriorityQueue<Event> queue = new PriorityQueue<>();
    final Map<String, Plan> plans = new HashMap<>();
    final Set<String> scheduled = new HashSet<>();
    final Map<String, String> specialists = new HashMap<>();
    final Set<String> unknownSteps = new HashSet<>();
    long sequence;
    int started;
    int completed;
    int timers;
    int apologies;
    int errors;
    int documentNumber;

    Run(Options options) {
      this.options = options;
      this.random = new Random(options.seed());
    }

    Result execute() {
      long begin = System.nanoTime();
      scheduleArrivals();
      try {
        while (!queue.isEmpty()) {
          Event event = queue.poll();
          fireTimersUntil(event.at());
          setClock(event.at());
          if (event.arrival() != null) {
            arrive(event.arrival());
          } else {
            complete(event);
          }
        }
      } finally {
        ClockUtil.reset();
      }
      Duration runtime = Duration.ofNanos(System.nanoTime() - begin);
      log.info("Replay: {} dossiers, {} tasks, {} timers, {} apologies, {} errors in {} s", started, completed, timers,
          apologies, errors, runtime.toSeconds());
      return new Result(started, completed, timers, apologies, errors, runtime);
    }

    void scheduleArrivals() {
      List<Procedure> procedures = procedures();
      double[] cumulative = new double[procedures.size()];
      double sum = 0;
      for (int i = 0; i < procedures.size(); i++) {
        sum += WEIGHTS.getOrDefault(procedures.get(i).processKey(), 0.05);
        cumulative[i] = sum;
      }
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate d = options.from(); !d.isAfter(options.to()); d = d.plusDays(1)) {
        if (calendar.isWorkingDay(d)) {
          days.add(d);
        }
      }
      if (days.isEmpty()) {
        throw new IllegalArgumentException("No working day between " + options.from() + " and " + options.to());
      }
      LocalDate lastSupplementDay = options.to().minusDays(21);
      for (int i = 0; i < options.dossiers(); i++) {
        LocalDate day = days.get((int) ((long) i * days.size() / options.dossiers()));
        Instant opening = day.atTime(LocalTime.of(7, 30)).atZone(calendar.zone()).toInstant();
        // inside the working sessions of that day, not in its last half hour
        Instant at = calendar.addWorkingMinutes(opening, 1 + random.nextInt(450));
        double pick = random.nextDouble() * sum;
        int p = 0;
        while (cumulative[p] < pick) {
          p++;
        }
        Plan plan = new Plan(procedures.get(p), random.nextDouble() < ONLINE_SHARE ? "ONLINE" : "COUNTER",
            day.isBefore(lastSupplementDay) && random.nextDouble() < SUPPLEMENT_SHARE,
            random.nextDouble() < REFUSAL_SHARE, random.nextDouble() < SEND_BACK_SHARE, i + 1);
        queue.add(new Event(at, sequence++, plan, null, null, null));
      }
    }

    void arrive(Plan plan) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("applicantName", "Doanh nghiệp mô phỏng số " + plan.number);
      variables.put("applicantIdNumber", String.format("02%08d", plan.number));
      variables.put("applicantAddress", "Hải Phòng");
      variables.put("channel", plan.channel);
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(plan.procedure.processKey(), variables);
      started++;
      if (started % 500 == 0) {
        log.info("Replay: {} of {} dossiers arrived, simulated time {}, {} tasks and {} timers so far", started,
            options.dossiers(), now(), completed, timers);
      }
      plans.put(instance.getBusinessKey(), plan);
      scan(instance.getBusinessKey());
    }

    /** Schedules the completion of every open task of the dossier not yet scheduled. */
    void scan(String code) {
      Plan plan = plans.get(code);
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(code).list()) {
        if (scheduled.add(task.getId())) {
          long minutes = Math.max(5, workingMinutes(plan, task.getTaskDefinitionKey()));
          Instant at = calendar.addWorkingMinutes(now(), minutes);
          queue.add(new Event(at, sequence++, null, task.getId(), task.getTaskDefinitionKey(), code));
        }
      }
    }

    void complete(Event event) {
      Plan plan = plans.get(event.code());
      scheduled.remove(event.taskId());
      try {
        taskService.complete(event.taskId(), decide(plan, event));
        completed++;
      } catch (ProcessEngineException e) {
        // the task was ended by an interrupting event in the meantime, or refused its input
        if (taskService.createTaskQuery().taskId(event.taskId()).count() > 0) {
          errors++;
          log.warn("Replay: task {} of {} failed: {}", event.taskKey(), event.code(), e.getMessage());
          return;
        }
      }
      scan(event.code());
    }

    Map<String, Object> decide(Plan plan, Event event) {
      Map<String, Object> v = new HashMap<>();
      switch (event.taskKey()) {
        case "checkCompleteness" -> {
          if (plan.supplement && !plan.supplementAsked) {
            plan.supplementAsked = true;
            v.put("receptionDecision", "SUPPLEMENT");
            v.put("receptionNote", "Bổ sung giấy tờ còn thiếu");
          } else {
            v.put("receptionDecision", "ACCEPT");
          }
        }
        case "assignSpecialist" -> v.put("specialist", specialist(plan.procedure.division()));
        case "scheduleInspection" -> {
          v.put("inspectionDate", Date.from(calendar.addWorkingDays(now(), BigDecimal.ONE)));
          v.put("inspectionTeam", "Tổ kiểm tra Phòng Quản lý Thương mại");
        }
        case "recordInspection" -> {
          v.put("inspectionResult", "PASSED");
          v.put("inspectionMinutes", "Biên bản kiểm tra điều kiện kinh doanh");
        }
        case "appraiseDossier" -> {
          v.put("appraisalProposal", plan.refuse ? "REFUSE" : "APPROVE");
          v.put("appraisalNote", plan.refuse ? "Không đủ điều kiện theo quy định" : "Đủ điều kiện");
          plan.appraisals++;
        }
        case "approveResult" -> {
          boolean sendBack = plan.sendBack && !plan.sentBack;
          plan.sentBack |= sendBack;
          v.put("leaderDecision", sendBack ? "SEND_BACK" : "APPROVE");
          if (sendBack) {
            v.put("leaderNote", "Làm rõ nội dung dự thảo");
          }
        }
        case "issueResult" -> v.put("documentNumber", (++documentNumber) + "/SCT");
        case "issueApology" -> {
          Object due = taskService.getVariable(event.taskId(), "dueAt");
          Instant base = due instanceof Date d && d.toInstant().isAfter(now()) ? d.toInstant() : now();
          v.put("apologyReason", "Hồ sơ cần thêm thời gian thẩm định");
          v.put("newDueAt", Date.from(calendar.addWorkingDays(base, BigDecimal.valueOf(3))));
          apologies++;
        }
        case "awaitSupplement", "awaitAppraisalSupplement", "returnResult" -> {
          // the applicant came back; nothing to decide
        }
        default -> {
          if (unknownSteps.add(event.taskKey())) {
            log.warn("Replay: no decision known for step '{}', completing it without variables", event.taskKey());
          }
        }
      }
      return v;
    }

    /** The working time a step takes: a share of its allotment, or a fixed range for the applicant's steps. */
    long workingMinutes(Plan plan, String step) {
      switch (step) {
        case "awaitSupplement", "awaitAppraisalSupplement" -> {
          return 480 + random.nextInt(961); // the applicant takes 1 to 3 working days
        }
        case "returnResult" -> {
          return 30 + random.nextInt(451);
        }
        case "issueApology" -> {
          return 15 + random.nextInt(46);
        }
        default -> {
          // no break
        }
      }
      BigDecimal days = plan.procedure.deadlineOn(now().atZone(calendar.zone()).toLocalDate()).allotment(step)
          .map(StepAllotment::days).orElse(BigDecimal.valueOf(0.25));
      long allotted = days.multiply(BigDecimal.valueOf(calendar.dayLength().toMinutes())).longValue();
      boolean repeat = ("appraiseDossier".equals(step) || "approveResult".equals(step)) && plan.sentBack;
      double share;
      if (options.slow()) {
        share = 0.7 + 0.8 * random.nextDouble();
      } else if (repeat) {
        share = 0.05 + 0.1 * random.nextDouble();
      } else {
        share = 0.1 + 0.5 * random.nextDouble();
      }
      return Math.round(allotted * share);
    }

    String specialist(String division) {
      return specialists.computeIfAbsent(division, d -> {
        String known = SPECIALISTS.get(d);
        if (known != null && identityService.createUserQuery().userId(known).memberOfGroup(d).count() > 0) {
          return known;
        }
        return identityService.createUserQuery().memberOfGroup(d).listPage(0, 1).stream().findFirst()
            .map(u -> u.getId())
            .orElseThrow(() -> new IllegalStateException("Division '" + d + "' has no user to assign"));
      });
    }

    /** Fires, in due order and each at its due time, the timers due by the given instant. */
    void fireTimersUntil(Instant until) {
      while (true) {
        List<Job> next = managementService.createJobQuery().timers().withRetriesLeft().orderByJobDuedate().asc()
            .listPage(0, 1);
        if (next.isEmpty() || next.get(0).getDuedate() == null || next.get(0).getDuedate().toInstant().isAfter(until)) {
          return;
        }
        Job job = next.get(0);
        Instant due = job.getDuedate().toInstant();
        if (due.isAfter(now())) {
          setClock(due);
        }
        String code = businessKey(job.getProcessInstanceId());
        try {
          managementService.executeJob(job.getId());
          timers++;
        } catch (ProcessEngineException e) {
          errors++;
          managementService.setJobRetries(job.getId(), 0);
          log.warn("Replay: timer {} of {} failed: {}", job.getId(), code, e.getMessage());
        }
        if (code != null && plans.containsKey(code)) {
          scan(code);
        }
      }
    }

    String businessKey(String processInstanceId) {
      if (processInstanceId == null) {
        return null;
      }
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
          .singleResult();
      return instance == null ? null : instance.getBusinessKey();
    }

    Instant now() {
      return ClockUtil.getCurrentTime().toInstant();
    }

    void setClock(Instant at) {
      ClockUtil.setCurrentTime(Date.from(at));
    }
  }

  /** What will happen to one dossier. */
  private static final class Plan {
    private final Procedure procedure;
    private final String channel;
    private final boolean supplement;
    private final boolean refuse;
    private final boolean sendBack;
    private final int number;
    boolean supplementAsked;
    boolean sentBack;
    int appraisals;

    Plan(Procedure procedure, String channel, boolean supplement, boolean refuse, boolean sendBack, int number) {
      this.procedure = procedure;
      this.channel = channel;
      this.supplement = supplement;
      this.refuse = refuse;
      this.sendBack = sendBack;
      this.number = number;
    }
  }

  /** An arrival (plan set) or the completion of a task, at a simulated instant; ties keep insertion order. */
  private record Event(Instant at, long seq, Plan arrival, String taskId, String taskKey, String code)
      implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
