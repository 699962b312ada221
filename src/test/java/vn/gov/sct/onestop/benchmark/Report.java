package vn.gov.sct.onestop.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one benchmark run: printed as a table and written as BENCHMARKS.md. */
final class Report {

  record Row(String run, String figure, String ours, String reference, String ratio, String target) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private final Map<String, String> machine = new LinkedHashMap<>();

  synchronized void machine(String key, String value) {
    machine.put(key, value);
  }

  synchronized void row(String run, String figure, String ours, String reference, String ratio, String target) {
    rows.add(new Row(run, figure, ours, reference, ratio, target));
    System.out.printf(Locale.ROOT, "  [%s] %s: ours %s | reference %s | ratio %s%n", run, figure, ours, reference,
        ratio);
  }

  /** A throughput-like figure (higher is better): ratio ours / reference. */
  void higherIsBetter(String run, String figure, Sample ours, Sample reference, int decimals, String target) {
    row(run, figure, ours.describe(decimals), reference == null ? "–" : reference.describe(decimals),
        reference == null ? "–" : ratio(ours.median() / reference.median()), target);
  }

  /** A latency-like figure (lower is better): ratio reference / ours, i.e. "times faster". */
  void lowerIsBetter(String run, String figure, Sample ours, Sample reference, int decimals, String target) {
    row(run, figure, ours.describe(decimals), reference == null ? "–" : reference.describe(decimals),
        reference == null ? "–" : speed(reference.median() / ours.median()), target);
  }

  /** reference / ours of a latency: "12.30× faster", or "0.67 (1.49× slower)". */
  static String speed(double r) {
    return r >= 1 ? ratio(r) + "× faster" : ratio(r) + " (" + ratio(1 / r) + "× slower)";
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  synchronized void note(String run, String text) {
    notes.computeIfAbsent(run, r -> new ArrayList<>()).add(text);
    System.out.println("  [" + run + "] " + text);
  }

  void print() {
    System.out.println();
    System.out.println("=".repeat(120));
    String format = "%-11s | %-44s | %-30s | %-30s | %-14s | %s%n";
    System.out.printf(Locale.ROOT, format, "run", "figure", "ours: median (min–max)", "reference", "ratio", "target");
    System.out.println("-".repeat(120));
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, format, row.run(), row.figure(), row.ours(), row.reference(), row.ratio(),
          row.target());
    }
    System.out.println("=".repeat(120));
  }

  void write(Path file, String command, String title) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append(title).append("\n\n");
    md.append("Produced by:\n\n```\n").append(command).append("\n```\n\n");
    md.append("## Machine\n\n| | |\n| --- | --- |\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Figures\n\n");
    md.append("Every figure is the median of the measured repetitions, with min–max in brackets; ours and the ")
        .append("reference were measured in the same run, after a warm-up. Ratio: ours / reference for rates, ")
        .append("reference / ours (\"× faster\") for latencies.\n\n");
    md.append("| run | figure | ours | reference | ratio | target |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      md.append("| ").append(row.run()).append(" | ").append(row.figure()).append(" | ").append(row.ours())
          .append(" | ").append(row.reference()).append(" | ").append(row.ratio()).append(" | ")
          .append(row.target()).append(" |\n");
    }
    md.append("\n## Notes per run\n");
    notes.forEach((run, lines) -> {
      md.append("\n### ").append(run).append("\n\n");
      lines.forEach(line -> md.append("- ").append(line).append('\n'));
    });
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }
}
