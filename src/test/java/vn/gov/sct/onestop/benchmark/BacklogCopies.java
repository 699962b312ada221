package vn.gov.sct.onestop.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies of the open dossiers that run 7 built through the engine, for a backlog larger than the machine can build
 * through the engine in the time of a run ({@code --tasklist-engine}). Every runtime row of a dossier the engine
 * wrote (executions of the procedure and its called processes, tasks, identity links, the tasks' authorization rows,
 * variables with their byte arrays, timer jobs, event subscriptions) is copied with its ids suffixed {@code ~k}, so
 * each copy is a dossier the engine could have written, with the same task, link and authorization rows per task;
 * copy round k moves its tasks' and timers' dates k clock spans back. Not copied: the engine's history and our
 * registry rows, which the Tasklist's queries do not read. PostgreSQL only, like the benchmark.
 */
final class BacklogCopies {

  /** Per runtime table: its columns that hold ids of the dossier's own rows, and which rows belong to the seeds. */
  private record Table(String name, Set<String> ids, String rowsOfSeeds) {}

  private static final String SEEDS = "(select root_id from bench_backlog_seed where n <= ?)";
  /**
   * The dossiers' process instances: the procedure's and those its call activities started (one level: the common
   * phases call nothing). Found through the executions' parents, since the engine fills ROOT_PROC_INST_ID_ on
   * process instances only.
   */
  private static final String INSTANCES = "(select id_ from act_ru_execution where id_ in " + SEEDS + " union all "
      + "select c.proc_inst_id_ from act_ru_execution c where c.super_exec_ in (select id_ from act_ru_execution where "
      + "proc_inst_id_ in " + SEEDS + "))";
  private static final String TASKS = "(select id_ from act_ru_task where proc_inst_id_ in " + INSTANCES + ")";

  private static final List<Table> TABLES = List.of(
      new Table("act_ru_execution", Set.of("id_", "root_proc_inst_id_", "proc_inst_id_", "business_key_", "parent_id_",
          "super_exec_"), "t.proc_inst_id_ in " + INSTANCES),
      new Table("act_ru_task", Set.of("id_", "execution_id_", "proc_inst_id_"), "t.proc_inst_id_ in " + INSTANCES),
      new Table("act_ru_identitylink", Set.of("id_", "task_id_"), "t.task_id_ in " + TASKS),
      // resource type 7: a single task; the engine writes one per candidate group and one per assignee
      new Table("act_ru_authorization", Set.of("id_", "resource_id_", "root_proc_inst_id_"),
          "t.resource_type_ = 7 and t.resource_id_ in " + TASKS),
      new Table("act_ge_bytearray", Set.of("id_", "root_proc_inst_id_"),
          "t.id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ in " + INSTANCES + ")"),
      new Table("act_ru_variable", Set.of("id_", "execution_id_", "proc_inst_id_", "task_id_", "bytearray_id_",
          "var_scope_"), "t.proc_inst_id_ in " + INSTANCES),
      new Table("act_ru_job", Set.of("id_", "execution_id_", "root_proc_inst_id_", "process_instance_id_"),
          "t.process_instance_id_ in " + INSTANCES),
      new Table("act_ru_event_subscr", Set.of("id_", "execution_id_", "proc_inst_id_"),
          "t.proc_inst_id_ in " + INSTANCES));

  /** Dates moved back by a round's span: when the copy's task appeared, when it is due, when its timer fires. */
  private static final Map<String, Set<String>> DATES = Map.of(
      "act_ru_task", Set.of("create_time_", "last_updated_", "due_date_", "follow_up_date_"),
      "act_ru_job", Set.of("duedate_", "create_time_"));

  private final JdbcTemplate jdbc;
  private final Duration span;
  private int seeds;
  private int round;

  BacklogCopies(JdbcTemplate jdbc, Duration span) {
    this.jdbc = jdbc;
    this.span = span;
  }

  /** Adds {@code n} open dossiers, copies of the engine-built ones, as many rounds as it takes. */
  void grow(int n) {
    if (seeds == 0) {
      jdbc.execute("drop table if exists bench_backlog_seed");
      jdbc.execute("create table bench_backlog_seed (n serial primary key, root_id varchar(64) not null)");
      seeds = jdbc.update("insert into bench_backlog_seed (root_id) select id_ from act_ru_execution where parent_id_ "
          + "is null and super_exec_ is null and id_ not like '%~%' order by id_");
      if (seeds == 0) {
        throw new IllegalStateException("no open dossier to copy: build some through the engine first");
      }
    }
    int left = n;
    while (left > 0) {
      int take = Math.min(seeds, left);
      copy(++round, take);
      left -= take;
    }
    jdbc.execute("analyze");
  }

  /** One round: the first {@code take} seeds, ids suffixed {@code ~round}, dates {@code round} spans back. */
  private void copy(int k, int take) {
    String suffix = "~" + k;
    long back = span.toSeconds() * k;
    for (Table table : TABLES) {
      List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_schema "
          + "= current_schema() and table_name = ? order by ordinal_position", String.class, table.name());
      Set<String> dates = DATES.getOrDefault(table.name(), Set.of());
      String select = columns.stream().map(c -> table.ids().contains(c) ? "t." + c + " || '" + suffix + "'"
          : dates.contains(c) ? "t." + c + " - interval '" + back + " seconds'" : "t." + c)
          .collect(Collectors.joining(", "));
      String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ") select " + select + " from "
          + table.name() + " t where " + table.rowsOfSeeds();
      int params = (int) sql.chars().filter(ch -> ch == '?').count();
      // the rows of a round refer to each other (parent, super execution): foreign keys are checked after the
      // round, below, instead of row by row (PostgreSQL: replication role, the superuser of the benchmark)
      jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
        try (var s = c.createStatement()) {
          s.execute("set session_replication_role = replica");
        }
        try (var p = c.prepareStatement(sql)) {
          for (int i = 1; i <= params; i++) {
            p.setInt(i, take);
          }
          p.executeUpdate();
        } finally {
          try (var s = c.createStatement()) {
            s.execute("set session_replication_role = origin");
          }
        }
        return null;
      });
    }
    Integer orphans = jdbc.queryForObject("select count(*) from act_ru_execution e where e.id_ like ? and ("
        + "(e.super_exec_ is not null and not exists (select 1 from act_ru_execution s where s.id_ = e.super_exec_)) or "
        + "(e.parent_id_ is not null and not exists (select 1 from act_ru_execution p where p.id_ = e.parent_id_)))"
        + " or exists (select 1 from act_ru_task t where t.id_ like ? and not exists (select 1 from act_ru_execution x "
        + "where x.id_ = t.execution_id_))", Integer.class, "%" + suffix, "%" + suffix);
    if (orphans != null && orphans > 0) {
      throw new IllegalStateException("copy round " + k + " left " + orphans + " rows whose parent was not copied, "
          + "e.g. " + jdbc.queryForList("select e.id_, e.root_proc_inst_id_, e.super_exec_, e.parent_id_, (select "
          + "s.root_proc_inst_id_ from act_ru_execution s where s.id_ || ? = e.super_exec_) as super_root from "
          + "act_ru_execution e where e.id_ like ? and e.super_exec_ is not null and not exists (select 1 from "
          + "act_ru_execution s where s.id_ = e.super_exec_) limit 3", suffix, "%" + suffix) + "; originals "
          + jdbc.queryForList("select e.id_, e.root_proc_inst_id_, e.super_exec_, e.parent_id_, e.proc_inst_id_, e.act_id_ "
          + "from act_ru_execution e where e.id_ || ? in (select x.super_exec_ from act_ru_execution x where x.id_ like ?"
          + ") limit 5", suffix, "%" + suffix) + "; count all " + jdbc.queryForList("select count(*), sum(case when id_ "
          + "like '%~%' then 1 else 0 end) from act_ru_execution"));
    }
  }
}
