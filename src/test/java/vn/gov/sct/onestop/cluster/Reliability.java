package vn.gov.sct.onestop.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RELIABILITY.md: per scenario what was done, the load, the figures and the verdict, written by the harness. */
final class Reliability {

  /** One scenario's section. */
  static final class Section {
    final String title;
    final String what;
    final Map<String, String> figures = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    String verdict = "not run";

    Section(String title, String what) {
      this.title = title;
      this.what = what;
    }

    Section figure(String name, String value) {
      figures.put(name, value);
      ClusterMain.log("  %s: %s", name, value);
      return this;
    }

    /** Records a promise: the scenario fails when it does not hold. */
    Section expect(boolean holds, String promise) {
      if (!holds) {
        problems.add(promise);
        ClusterMain.log("  NOT HELD: %s", promise);
      }
      return this;
    }

    boolean passed() {
      return problems.isEmpty() && verdict.equals("passed");
    }
  }

  private final Map<String, String> machine = new LinkedHashMap<>();
  private final List<Section> sections = new ArrayList<>();

  void machine(String name, String value) {
    machine.put(name, value);
  }

  Section section(String title, String what) {
    Section section = new Section(title, what);
    sections.add(section);
    return section;
  }

  List<Section> sections() {
    return sections;
  }

  void write(Path file, String command) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Reliability: two nodes, one database, real faults\n\n");
    md.append("Written by the cluster harness (`src/test/java/vn/gov/sct/onestop/cluster/`), from the run of\n\n```\n")
        .append(command).append("\n```\n\n");
    md.append("Each scenario starts real application nodes (the packaged `target/onestop-*.jar`, each in its own JVM "
        + "with `java -jar`, demo profile for its demo clerks, on one embedded PostgreSQL 17 started once by the "
        + "harness), drives applicants and clerks over HTTP, causes the fault for real (`kill -9` of a JVM, a stop "
        + "and start of the PostgreSQL server, SIGTERM for a rolling restart) and then checks the database: "
        + "registry status against the process position, control slip lines, dossier codes per day, SLA timers "
        + "fired once (engine history and our `sla_event` rows). A scenario passes only when every promise held; "
        + "the promises it checked and any that failed are listed. The operating promises drawn from it are in the "
        + "README (Operations).\n\n");
    md.append("Settings these runs stand for (application.yaml): job lock time 60 s "
        + "(`camunda.bpm.job-execution.lock-time-in-millis`, Camunda's default is 5 minutes) and `max-wait` 2 s, so an "
        + "SLA timer whose node crashed fires at most about 62 s late (scenario 2 measures it); failed jobs retried "
        + "after 1, 5 and 15 minutes, then an incident (`failedJobRetryTimeCycle`; the harness shortens it to 2, 4 "
        + "and 8 s for scenario 6); a request waits at most 5 s for a database connection, then answers 503 "
        + "(`spring.datasource.hikari.connection-timeout`). The machine is shared with other engineers' builds: "
        + "the load average below says how busy it was, and times (start-ups above all) stretch with it.\n\n");
    md.append("## Machine\n\n| | |\n| --- | --- |\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append('\n');
    for (Section s : sections) {
      md.append("## ").append(s.title).append("\n\n").append(s.what).append("\n\n");
      md.append("Result: **").append(s.passed() ? "passed" : s.verdict.equals("passed") ? "failed" : s.verdict)
          .append("**\n\n| figure | value |\n| --- | --- |\n");
      s.figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
      if (!s.problems.isEmpty()) {
        md.append("\nPromises not held:\n\n");
        s.problems.forEach(p -> md.append("- ").append(p).append('\n'));
      }
      md.append('\n');
    }
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }
}
