package vn.gov.sct.onestop.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged application in its own JVM, started as an operator starts it
 * ({@code java -jar onestop.jar}), on its own free port, its output in {@code target/cluster/<name>.log}.
 * It keeps its port across restarts, as a node behind a load balancer does.
 */
final class Node {

  static final String HEAP = "-Xmx512m";
  /** C1 only (as spring-boot:run's optimized launch): starts in less CPU on the shared 2 cores; runs are short. */
  static final String JIT = "-XX:TieredStopAtLevel=1";
  static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

  final String name;
  final int port;
  private final Path jar;
  private final List<String> arguments;
  private final Path log;
  private Process process;

  private final Path faultSwitch;

  /**
   * @param faultSwitch a directory of classes added to the node's class path (the harness's fault switch, see
   *     vn.gov.sct.faults.FaultInjection), or null for {@code java -jar} alone
   */
  Node(String name, Path jar, Path faultSwitch, List<String> arguments, Path logDirectory) throws IOException {
    this.name = name;
    this.port = freePort();
    this.jar = jar;
    this.faultSwitch = faultSwitch;
    this.arguments = List.copyOf(arguments);
    this.log = logDirectory.resolve(name + ".log");
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Starts the JVM and waits until {@code /actuator/health} answers 200; returns the seconds that took. */
  double start() throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-XX:+UseSerialGC", JIT, "-Xss512k", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
    if (faultSwitch == null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      // the same jar, through Spring Boot's launcher that takes extra class path entries (loader.path)
      command.addAll(List.of("-Dloader.path=" + faultSwitch, "-cp", jar.toString(), LAUNCHER));
    }
    command.addAll(arguments);
    command.add("--server.port=" + port);
    // the job log's host column tells which node fired which timer
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    long started = System.nanoTime();
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - started > 480_000_000_000L) {
        throw new IllegalStateException(name + " not healthy within 480 s; see " + log);
      }
      Thread.sleep(250);
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful anything; its connections and job locks are left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: Spring Boot's graceful shutdown lets requests in flight finish; returns the seconds it took. */
  double stop() throws InterruptedException {
    long started = System.nanoTime();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS) && process.isAlive()) {
      // a graceful shutdown waits for requests in flight: a dump in the node's log shows what it waits for
      threadDump();
    }
    if (!process.waitFor(80, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** SIGQUIT: the JVM writes its threads' stacks to its output, the node's log. */
  private void threadDump() {
    try {
      new ProcessBuilder("kill", "-QUIT", String.valueOf(process.pid())).start().waitFor();
      ClusterMain.log("%s still stopping after 10 s: thread dump written to %s", name, log);
    } catch (IOException e) {
      ClusterMain.log("%s: no thread dump: %s", name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The operating system's id of the JVM, for the report. */
  long pid() {
    return process.pid();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
