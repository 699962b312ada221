package vn.gov.sct.onestop.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The running application under test and what the runs share. */
final class Bench {

  static final String DEMO_PASSWORD = "demo";

  final Options options;
  final Report report;
  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final RuntimeService runtime;
  final TaskService tasks;
  final HistoryService history;
  final IdentityService identity;
  final ManagementService management;
  final RepositoryService repository;
  final JdbcTemplate jdbc;
  final DataSource dataSource;
  final int port;
  final String jdbcUrl;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  Bench(Options options, Report report, ConfigurableApplicationContext context, String jdbcUrl) {
    this.options = options;
    this.report = report;
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.repository = engine.getRepositoryService();
    this.dataSource = context.getBean(DataSource.class);
    this.jdbc = new JdbcTemplate(dataSource);
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
    this.jdbcUrl = jdbcUrl;
  }

  /** As Tasklist does after sign-in: the user with the groups the identity service knows. */
  void asUser(String userId) {
    List<String> ids = groups.computeIfAbsent(userId, u -> identity.createGroupQuery().groupMember(u).list().stream()
        .map(Group::getId).toList());
    identity.setAuthentication(userId, ids);
  }

  void signOut() {
    identity.clearAuthentication();
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** Deploys one of the benchmark's own reference models (src/test/resources/benchmark/). */
  void deployReference(String resource) {
    repository.createDeployment().name("benchmark " + resource).enableDuplicateFiltering(false)
        .addClasspathResource("benchmark/" + resource).deploy();
  }

  /** The one-stop section may start the reference process, as it may start every procedure. */
  void grantStart(String processKey) {
    AuthorizationService auth = engine.getAuthorizationService();
    if (auth.createAuthorizationQuery().groupIdIn("one-stop").resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(processKey).count() > 0) {
      return;
    }
    Authorization grant = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("one-stop");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(processKey);
    grant.addPermission(Permissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    auth.saveAuthorization(grant);
  }

  interface Work {
    void run(int index) throws Exception;
  }

  /**
   * Runs work 0..n-1 on the given number of threads, each thread taking the next index; answers the wall time
   * in seconds. Stops at the first failure and throws it.
   */
  static double parallel(int n, int threads, Work work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < n) {
            try {
              work.run(i);
            } catch (Exception | AssertionError e) {
              failure.compareAndSet(null, e instanceof Exception ex ? ex : new RuntimeException(e));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  boolean tableExists(String table) {
    Integer n = jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = current_schema() "
        + "and table_name = ?", Integer.class, table);
    return n != null && n > 0;
  }

  boolean columnExists(String table, String column) {
    Integer n = jdbc.queryForObject("select count(*) from information_schema.columns where table_schema = "
        + "current_schema() and table_name = ? and column_name = ?", Integer.class, table, column);
    return n != null && n > 0;
  }

  static void log(String format, Object... args) {
    System.out.printf(java.util.Locale.ROOT, "%tT " + format + "%n",
        java.util.stream.Stream.concat(java.util.stream.Stream.of(new java.util.Date()),
            java.util.Arrays.stream(args)).toArray());
  }
}
