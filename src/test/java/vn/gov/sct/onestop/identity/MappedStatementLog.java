package vn.gov.sct.onestop.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's MyBatis queries (their statement ids, e.g. {@code selectAuthorizedGroupIds}) that one piece of test
 * code runs on its thread. A MyBatis plugin of the engine's SQL session factory; it records only while
 * {@link #record} runs, so the other tests sharing the application context are not affected.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class MappedStatementLog implements Interceptor {

  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
  private static final Object INSTALL = new Object();

  /** The statement ids, without their namespace, of the queries {@code work} ran, in order, and its result. */
  record Recorded<T>(T result, List<String> statements) {

    long count(String statementId) {
      return statements.stream().filter(statementId::equals).count();
    }
  }

  static <T> Recorded<T> record(ProcessEngine engine, Supplier<T> work) {
    install(engine);
    List<String> statements = new ArrayList<>();
    RECORDING.set(statements);
    try {
      return new Recorded<>(work.get(), statements);
    } finally {
      RECORDING.remove();
    }
  }

  private static void install(ProcessEngine engine) {
    org.apache.ibatis.session.Configuration mybatis = ((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
    synchronized (INSTALL) {
      if (mybatis.getInterceptors().stream().noneMatch(MappedStatementLog.class::isInstance)) {
        // applies to the executors of sessions opened from now on: one per engine command
        mybatis.addInterceptor(new MappedStatementLog());
      }
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    List<String> statements = RECORDING.get();
    if (statements != null) {
      String id = ((MappedStatement) invocation.getArgs()[0]).getId();
      statements.add(id.substring(id.lastIndexOf('.') + 1));
    }
    return invocation.proceed();
  }

  @Override
  public void setProperties(Properties properties) {
    // none
  }
}
