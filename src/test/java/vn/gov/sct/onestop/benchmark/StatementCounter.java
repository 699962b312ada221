package vn.gov.sct.onestop.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Benchmark only (issue 18): counts the SQL statements sent to the database while {@link #counting} is on, by
 * statement text, so run 1 can say how many statements a dossier costs, ours and the engine's. A bean post-processor
 * added to the benchmark's application context wraps the data source bean (the one the engine and our JdbcTemplate
 * share) in a proxy; off, it only passes calls through. A batch counts once per execution (one round trip), its rows
 * apart.
 */
public class StatementCounter implements BeanPostProcessor {

  static volatile boolean counting;
  /** Statement text → executions (a batch: one). */
  static final Map<String, LongAdder> EXECUTIONS = new ConcurrentHashMap<>();
  /** Statement text → rows added to batches. */
  static final Map<String, LongAdder> BATCH_ROWS = new ConcurrentHashMap<>();
  /**
   * With {@code -Dbenchmark.statements.trace=true}: every statement counted, in order, with a line at each commit
   * or rollback, so a repeat within one transaction shows (read with a single counting thread).
   */
  static final boolean TRACING = Boolean.getBoolean("benchmark.statements.trace");
  static final java.util.Queue<String> TRACE = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource source && !(Proxy.isProxyClass(bean.getClass()))) {
      return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> {
            Object result = invoke(source, method, args);
            return result instanceof Connection c ? connection(c) : result;
          });
    }
    return bean;
  }

  static void reset() {
    EXECUTIONS.clear();
    BATCH_ROWS.clear();
    TRACE.clear();
  }

  /** Round trips per dossier over n dossiers: the engine's (statements on ACT_ tables) and ours. */
  static String summary(int n) {
    long engine = 0;
    long ours = 0;
    long batchRows = 0;
    Map<String, Long> oursByStatement = new TreeMap<>();
    long polls = 0;
    for (Map.Entry<String, LongAdder> e : EXECUTIONS.entrySet()) {
      long count = e.getValue().sum();
      if (isAcquisition(e.getKey())) {
        polls += count;
      } else if (isEngine(e.getKey())) {
        engine += count;
      } else {
        ours += count;
        oursByStatement.merge(shorten(e.getKey()), count, Long::sum);
      }
    }
    for (LongAdder rows : BATCH_ROWS.values()) {
      batchRows += rows.sum();
    }
    StringBuilder top = new StringBuilder();
    oursByStatement.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> top.append(top.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%.1f× %s",
            e.getValue() / (double) n, e.getKey())));
    return String.format(Locale.ROOT, "%.1f engine statements and %.1f of ours per dossier (%.1f rows in the engine's "
        + "batches; besides, %.1f polls of the job executor's acquisition, which polls by the clock, not per dossier); "
        + "ours: %s", engine / (double) n, ours / (double) n, batchRows / (double) n, polls / (double) n, top);
  }

  /** Every statement counted, with its executions and batch rows per dossier, tab-separated (for a closer look). */
  static void dump(java.nio.file.Path file, int n) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    EXECUTIONS.forEach((sql, count) -> text.append(String.format(Locale.ROOT, "%.2f\t%.2f\t%s%n", count.sum() / (double) n,
        BATCH_ROWS.getOrDefault(sql, new LongAdder()).sum() / (double) n, sql.replaceAll("\\s+", " "))));
    java.nio.file.Files.writeString(file, text);
  }

  /** The ordered trace of {@link #TRACE}, one statement a line. */
  static void dumpTrace(java.nio.file.Path file) throws java.io.IOException {
    java.nio.file.Files.write(file, TRACE);
  }

  /** The job executor's acquisition query: it runs on its own schedule, whatever the dossiers do. */
  private static boolean isAcquisition(String sql) {
    String s = sql.replaceAll("\\s+", " ");
    return s.contains("from ACT_RU_JOB RES") && s.contains("LOCK_OWNER_ is null");
  }

  private static boolean isEngine(String sql) {
    String s = sql.toUpperCase(Locale.ROOT);
    return s.contains("ACT_") || s.startsWith("SELECT 1") || s.startsWith("SET ") || s.startsWith("SHOW ");
  }

  private static String shorten(String sql) {
    String s = sql.replaceAll("\\s+", " ").trim();
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          if (counting && TRACING && (method.getName().equals("commit") || method.getName().equals("rollback"))) {
            TRACE.add("-- " + method.getName() + " [" + Thread.currentThread().getName() + "]");
          }
          if (result instanceof Statement s && method.getName().startsWith("prepare")) {
            return statement(s, (String) args[0]);
          }
          if (result instanceof Statement s) {
            return statement(s, null);
          }
          return result;
        });
  }

  private static Statement statement(Statement s, String preparedSql) {
    Class<?>[] types = s.getClass().getInterfaces().length == 0 ? new Class<?>[] {Statement.class}
        : interfacesOf(s);
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (counting) {
        String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 && args[0] instanceof String q
            ? q : "(batch of statements)";
        if (name.equals("addBatch")) {
          BATCH_ROWS.computeIfAbsent(sql, k -> new LongAdder()).increment();
        } else if (name.startsWith("execute")) {
          EXECUTIONS.computeIfAbsent(sql, k -> new LongAdder()).increment();
          if (TRACING && !isAcquisition(sql)) {
            TRACE.add(shorten(sql) + " [" + Thread.currentThread().getName() + "]");
          }
        }
      }
      return invoke(s, method, args);
    };
    return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), types, handler);
  }

  /** The JDBC interfaces the driver's statement implements (Statement, PreparedStatement, CallableStatement). */
  private static Class<?>[] interfacesOf(Statement s) {
    java.util.List<Class<?>> jdbc = new java.util.ArrayList<>();
    for (Class<?> type : new Class<?>[] {java.sql.CallableStatement.class, java.sql.PreparedStatement.class,
        Statement.class}) {
      if (type.isInstance(s)) {
        jdbc.add(type);
      }
    }
    return jdbc.toArray(Class<?>[]::new);
  }
}
