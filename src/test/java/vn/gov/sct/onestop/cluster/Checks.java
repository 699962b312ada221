package vn.gov.sct.onestop.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database must say after a fault, read straight from the tables (ours and the engine's): every dossier
 * where its process is, its control slip matching, dossier codes consecutive per day, timers fired once.
 */
final class Checks {

  /** The registry status a dossier of the approve path must have while this user task is open. */
  private static final Map<String, Integer> STATUS_AT_TASK = Map.of(
      "checkCompleteness", 1, "assignSpecialist", 4, "appraiseDossier", 4, "approveResult", 4, "issueResult", 4,
      "returnResult", 9);
  private static final int RETURNED = 10;

  /** The outcome of the dossier checks: how many were checked, and every inconsistency found. */
  record Dossiers(int checked, int returned, List<String> problems) {}

  /** Timers per dossier: fired once, twice or more, never (engine history and our sla_event rows must agree). */
  record Timers(int once, int twice, int never, Map<String, Long> byNode) {
    boolean exact(int expected) {
      return once == expected && twice == 0 && never == 0;
    }
  }

  private final JdbcTemplate jdbc;

  Checks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Each dossier of {@code codes}: its registry status matches the open user task of its process (or the process
   * has ended and the result was returned); its control slip has lines numbered 1..n, every line but the current
   * unit's closed, and no open line once the result is returned.
   */
  Dossiers dossiers(Collection<String> codes) {
    List<String> problems = new ArrayList<>();
    int returned = 0;
    for (String code : new TreeSet<>(codes)) {
      Map<String, Object> row = jdbc.queryForMap("""
          select d.status,
            (select string_agg(t.task_def_key_, ',') from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
               where e.business_key_ = d.code) as tasks,
            (select count(*) from act_ru_execution e where e.business_key_ = d.code and e.parent_id_ is null) as running,
            (select count(*) from act_hi_procinst p where p.id_ = d.process_instance_id and p.end_time_ is not null) as ended,
            (select count(*) from dossier_handoff h where h.dossier_code = d.code) as lines,
            (select coalesce(max(seq), 0) from dossier_handoff h where h.dossier_code = d.code) as last_seq,
            (select count(*) from dossier_handoff h where h.dossier_code = d.code and h.finished_at is null) as open_lines
          from dossier d where d.code = ?""", code);
      int status = ((Number) row.get("status")).intValue();
      String tasks = (String) row.get("tasks");
      long running = ((Number) row.get("running")).longValue();
      long lines = ((Number) row.get("lines")).longValue();
      long open = ((Number) row.get("open_lines")).longValue();
      if (lines != ((Number) row.get("last_seq")).longValue()) {
        problems.add(code + ": control slip lines not numbered 1.." + lines);
      }
      if (running == 0) {
        if (status != RETURNED || ((Number) row.get("ended")).longValue() != 1) {
          problems.add(code + ": no running process but registry status " + status);
        }
        if (open != 0) {
          problems.add(code + ": result returned but " + open + " control slip line(s) still open");
        }
        returned++;
        continue;
      }
      if (tasks == null || tasks.contains(",")) {
        problems.add(code + ": running process with open user tasks " + tasks + " (expected exactly one)");
        continue;
      }
      Integer expected = STATUS_AT_TASK.get(tasks);
      if (expected == null || expected != status) {
        problems.add(code + ": registry status " + status + " while task " + tasks + " is open (expected " + expected
            + ")");
      }
      long expectedOpen = "checkCompleteness".equals(tasks) ? 0 : 1;
      if (open != expectedOpen) {
        problems.add(code + ": " + open + " open control slip line(s) at task " + tasks + " (expected " + expectedOpen
            + ")");
      }
    }
    return new Dossiers(codes.size(), returned, problems);
  }

  /** Dossiers whose applicant name starts with {@code prefix}: name → how many registry rows carry it. */
  Map<String, Integer> dossiersByApplicant(String prefix) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query("select applicant_name, count(*) as n from dossier where applicant_name like ? group by applicant_name",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        }, prefix + "%");
    return counts;
  }

  List<String> codesOfApplicants(String prefix) {
    return jdbc.queryForList("select code from dossier where applicant_name like ?", String.class, prefix + "%");
  }

  /**
   * Every day's codes of every agency are 1..n with n the day's counter, no number twice, none skipped. Returns
   * the problems, empty when all hold; {@code days} gets the number of agency-days checked.
   */
  List<String> codes(int[] days) {
    Map<String, TreeSet<Integer>> numbers = new TreeMap<>();
    Map<String, Integer> all = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (String code : jdbc.queryForList("select code from dossier", String.class)) {
      int dash = code.lastIndexOf('-');
      String day = code.substring(0, dash);
      int number = Integer.parseInt(code.substring(dash + 1));
      if (!numbers.computeIfAbsent(day, d -> new TreeSet<>()).add(number)) {
        problems.add(code + " used twice");
      }
      all.merge(day, 1, Integer::sum);
    }
    Map<String, Integer> counters = new HashMap<>();
    jdbc.query("select agency_code, issue_date, last_number from dossier_code_counter", rs -> {
      String day = rs.getString(1) + "-" + rs.getDate(2).toLocalDate().format(
          java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
      counters.put(day, rs.getInt(3));
    });
    numbers.forEach((day, set) -> {
      Integer counter = counters.get(day);
      if (set.first() != 1 || set.last() != set.size() || counter == null || counter != set.size()) {
        problems.add(day + ": numbers " + set.first() + ".." + set.last() + " for " + set.size() + " dossiers, counter "
            + counter);
      }
    });
    days[0] = numbers.size();
    return problems;
  }

  /**
   * For each dossier of {@code codes}: how often the boundary timer {@code activity} fired (the engine's activity
   * history of the dossier's process instances) and how many {@code kind} rows our sla_event has; a dossier counts
   * once only when both say 1. {@code byNode}: the job log's successful timer jobs of {@code activity} per host.
   */
  Timers timers(Collection<String> codes, String activity, String kind) {
    Map<String, Long> fired = new HashMap<>();
    Map<String, Long> events = new HashMap<>();
    String in = String.join(",", codes.stream().map(c -> "'" + c.replace("'", "") + "'").toList());
    if (codes.isEmpty()) {
      return new Timers(0, 0, 0, Map.of());
    }
    jdbc.query("select p.business_key_, count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
        + " where a.act_id_ = ? and p.business_key_ in (" + in + ") group by p.business_key_",
        rs -> {
          fired.put(rs.getString(1), rs.getLong(2));
        }, activity);
    jdbc.query("select dossier_code, count(*) from sla_event where kind = ? and dossier_code in (" + in
        + ") group by dossier_code", rs -> {
          events.put(rs.getString(1), rs.getLong(2));
        }, kind);
    int once = 0;
    int twice = 0;
    int never = 0;
    for (String code : codes) {
      long f = fired.getOrDefault(code, 0L);
      long e = events.getOrDefault(code, 0L);
      if (f == 0 && e == 0) {
        never++;
      } else if (f == 1 && e == 1) {
        once++;
      } else if (f >= 2 || e >= 2) {
        twice++;
      } else {
        never++; // history and sla_event disagree: counted as not fired correctly
      }
    }
    Map<String, Long> byNode = new TreeMap<>();
    jdbc.query("select l.hostname_, count(*) from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_"
        + " where l.act_id_ = ? and l.job_state_ = 2 and p.business_key_ in (" + in + ") group by l.hostname_",
        rs -> {
          byNode.put(rs.getString(1), rs.getLong(2));
        }, activity);
    return new Timers(once, twice, never, byNode);
  }
}
