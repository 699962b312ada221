package vn.gov.sct.onestop.cluster;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backlog of SLA timers that fall due at once: dossiers submitted online wait at the completeness check, whose
 * warning timer ({@value #ACTIVITY}) is due hours later in working time; an administrator moves those timers' due
 * date through the engine REST API ({@code PUT /job/{id}/duedate}, as Cockpit does), and the nodes' job executors
 * fire them. Nothing writes the engine's tables but the engine.
 */
final class TimerBacklog {

  static final String ACTIVITY = "checkCompletenessWarning";
  static final String KIND = "WARNING";

  final List<String> codes;
  final Map<String, String> jobs;
  private final JdbcTemplate jdbc;

  private TimerBacklog(List<String> codes, Map<String, String> jobs, JdbcTemplate jdbc) {
    this.codes = codes;
    this.jobs = jobs;
    this.jdbc = jdbc;
  }

  /** Submits n dossiers online (4 applicants at once) and finds their warning timers. */
  static TimerBacklog submit(Office office, JdbcTemplate jdbc, int n) throws Exception {
    List<String> codes = new ArrayList<>(parallel(n, 4, i -> office.submit(1_000_000 + i)));
    if (codes.contains(null)) {
      throw new IllegalStateException("a backlog dossier was not accepted: " + office.tally().describe());
    }
    Map<String, String> jobs = new ConcurrentHashMap<>();
    String in = String.join(",", codes.stream().map(c -> "'" + c + "'").toList());
    jdbc.query("select e.business_key_, j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " join act_ru_execution e on e.id_ = j.process_instance_id_ where d.act_id_ = ? and e.business_key_ in ("
        + in + ")", rs -> {
          jobs.put(rs.getString(1), rs.getString(2));
        }, ACTIVITY);
    if (jobs.size() != n) {
      throw new IllegalStateException("expected " + n + " warning timers, found " + jobs.size());
    }
    return new TimerBacklog(codes, jobs, jdbc);
  }

  /**
   * Makes the whole backlog due at one instant, as an operator would with Cockpit: the warning timers' job
   * definition is suspended with its jobs (no node acquires them), their due dates are moved to now, and the job
   * definition is activated again: from that instant every timer of the backlog is due. Returns the instant.
   */
  Date dueAtOnce(Office office) throws Exception {
    List<String> definitions = jdbc.queryForList("select id_ from act_ru_jobdef where act_id_ = ?", String.class,
        ACTIVITY);
    suspend(office, definitions, true);
    dueAt(office, new Date());
    Date at = new Date();
    suspend(office, definitions, false);
    return at;
  }

  private static void suspend(Office office, List<String> definitions, boolean suspended) throws Exception {
    for (String id : definitions) {
      boolean done = false;
      for (int attempt = 1; attempt <= 20 && !done; attempt++) {
        done = office.send(base -> office.put(base + "/engine-rest/job-definition/" + id + "/suspended", Office.ADMIN,
            Map.of("suspended", suspended, "includeJobs", true)), 204).ok();
        if (!done) {
          Office.pause(attempt);
        }
      }
      if (!done) {
        throw new IllegalStateException("could not " + (suspended ? "suspend" : "activate") + " job definition " + id);
      }
    }
  }

  /** Sets every timer's due date to {@code at} through the engine REST API, as the administrator. */
  void dueAt(Office office, Date at) throws Exception {
    dueAt(office, List.copyOf(jobs.values()), at);
  }

  private void dueAt(Office office, List<String> ids, Date at) throws Exception {
    String due = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(at);
    List<Boolean> done = parallel(ids.size(), 4, i -> {
      for (int attempt = 1; attempt <= 20; attempt++) {
        Office.Answer answer = office.send(base -> office.put(base + "/engine-rest/job/" + ids.get(i) + "/duedate",
            Office.ADMIN, Map.of("duedate", due)), 204);
        if (answer.ok()) {
          return true;
        }
        Office.pause(attempt);
      }
      return false;
    });
    if (done.contains(false)) {
      throw new IllegalStateException("could not set the due date of every timer: " + office.tally().describe());
    }
  }

  /** Timers of the backlog not fired yet. */
  int pending() {
    return pending(jobs.values());
  }

  int pending(Collection<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    String in = String.join(",", ids.stream().map(c -> "'" + c + "'").toList());
    Integer n = jdbc.queryForObject("select count(*) from act_ru_job where id_ in (" + in + ")", Integer.class);
    return n == null ? 0 : n;
  }

  /** Waits until every timer fired or the deadline passed; returns the nanoTime when the last one went. */
  long awaitFired(Collection<String> ids, long deadlineNanos) throws InterruptedException {
    while (pending(ids) > 0) {
      if (System.nanoTime() > deadlineNanos) {
        return -1;
      }
      Thread.sleep(100);
    }
    return System.nanoTime();
  }

  interface Work<T> {
    T run(int i) throws Exception;
  }

  static <T> List<T> parallel(int n, int threads, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> work.run(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
