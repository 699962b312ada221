package vn.gov.sct.onestop;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the engine tests: H2 in memory by default; a real PostgreSQL 17, started by the tests
 * themselves (no Docker, no server), when the system property {@code onestop.test.database=postgres} is set,
 * as the {@code postgres} execution of the Maven build does.
 */
public final class TestDatabase {

  public static final String PROPERTY = "onestop.test.database";
  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  public static void register(DynamicPropertyRegistry registry) {
    if (isPostgres()) {
      EmbeddedPostgres pg = postgres();
      registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", "postgres"));
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "postgres");
      // as application-postgres.yaml sets it in production (identity/AuthorizationStatistics)
      registry.add("spring.datasource.hikari.connection-init-sql",
          () -> "set plan_cache_mode = force_custom_plan; set random_page_cost = 1.1");
    } else {
      registry.add("spring.datasource.url",
          () -> "jdbc:h2:mem:onestop-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=20000");
    }
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL of the tests", e);
      }
      // After the Spring contexts are closed, not beside them (hence no shutdown hook of its own): stopped by a JVM
      // shutdown hook, the database went away while the engines still closed against it, and the fork then waited
      // for connections until surefire killed it, 30 s later.
      SpringApplication.getShutdownHandlers().add(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      });
    }
    return postgres;
  }
}
