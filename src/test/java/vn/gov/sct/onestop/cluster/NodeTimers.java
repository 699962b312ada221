package vn.gov.sct.onestop.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster harness's timer scenario as a measurement for the benchmark (run 8): its own embedded PostgreSQL 17,
 * two nodes of the packaged application as separate JVMs, a backlog of SLA warning timers fired by node-1 alone,
 * then a second backlog of the same size by node-1 and node-2 together ({@link TimersScenario#backlog}).
 */
public final class NodeTimers {

  /** One backlog: timers, seconds from the first to the last fired, and the exactly-once check. */
  public record Backlog(int timers, double seconds, double waitSeconds, int once, int twice, int never,
      Map<String, Long> byNode) {
    public double rate() {
      return timers / seconds;
    }
  }

  /** What one measurement found: one node, then two, and each node's start-up. */
  public record Figures(Backlog one, Backlog two, List<Double> startSeconds, String postgres) {}

  private NodeTimers() {}

  /** Runs one node, then two, on a fresh database under {@code work}; stops every node and the database after. */
  public static Figures measure(Path jar, int timers, Path work, String label) throws Exception {
    Files.createDirectories(work);
    List<Node> nodes = new ArrayList<>();
    List<Double> starts = new ArrayList<>();
    try (Database db = new Database(work)) {
      Checks checks = new Checks(db.jdbc);
      for (String name : List.of("node-1", "node-2")) {
        nodes.add(new Node(name, jar, null, ClusterMain.nodeArguments(db.url()), work));
      }
      try {
        starts.add(nodes.get(0).start());
        Backlog one = backlog(TimersScenario.backlog(db, checks, timers, List.of(nodes.get(0)), label + "-1"));
        starts.add(nodes.get(1).start());
        Backlog two = backlog(TimersScenario.backlog(db, checks, timers, nodes, label + "-2"));
        return new Figures(one, two, starts, db.version());
      } finally {
        for (Node node : nodes) {
          if (node.alive()) {
            node.stop();
          }
        }
      }
    }
  }

  private static Backlog backlog(TimersScenario.Run run) {
    Checks.Timers t = run.timers();
    return new Backlog(run.n(), run.seconds(), run.delay(), t.once(), t.twice(), t.never(), t.byNode());
  }
}
