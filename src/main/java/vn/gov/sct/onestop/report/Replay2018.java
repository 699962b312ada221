package vn.gov.sct.onestop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replay of 2018 (profile {@code replay}, see docs/replay.md): 3,365 dossiers received on the working days from
 * 1/1/2018 to 12/9/2018, as the department reported, driven through the real processes on a fresh database; then
 * prints the statistics of that period and writes them as CSV. Options: {@code --slow} (steps exceed their
 * allotments: late dossiers and apologies), {@code --dossiers=N}, {@code --from=}, {@code --to=}, {@code --seed=},
 * {@code --csv=path}.
 */
@Component
@Profile("replay")
public class Replay2018 implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(Replay2018.class);

  private final ReplaySimulation simulation;
  private final StatisticsService statistics;
  private final JdbcTemplate jdbc;
  private final ConfigurableApplicationContext context;
  private final boolean exit;

  public Replay2018(ReplaySimulation simulation, StatisticsService statistics, JdbcTemplate jdbc,
      ConfigurableApplicationContext context, @Value("${onestop.replay.exit:true}") boolean exit) {
    this.simulation = simulation;
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.context = context;
    this.exit = exit;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer existing = jdbc.queryForObject("select count(*) from dossier", Integer.class);
    if (existing != null && existing > 0) {
      throw new IllegalStateException("The replay needs a fresh database, but this one holds " + existing
          + " dossiers: " + jdbc.getDataSource());
    }
    LocalDate from = LocalDate.parse(option(args, "from", "2018-01-01"));
    LocalDate to = LocalDate.parse(option(args, "to", "2018-09-12"));
    ReplaySimulation.Options options = new ReplaySimulation.Options(from, to,
        Integer.parseInt(option(args, "dossiers", "3365")), args.containsOption("slow"),
        Long.parseLong(option(args, "seed", "2018")));
    log.info("Replay {}", options);
    ReplaySimulation.Result result = simulation.run(options);

    StatisticsReport report = statistics.report(new Period(from, to), GroupBy.PROCEDURE);
    Path csv = Path.of(option(args, "csv", "target/replay-2018.csv"));
    try {
      if (csv.toAbsolutePath().getParent() != null) {
        Files.createDirectories(csv.toAbsolutePath().getParent());
      }
      Files.write(csv, StatisticsCsv.bytes(report));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + csv, e);
    }
    System.out.println(table(report));
    System.out.printf("Replay %s: %d dossiers started, %d tasks completed, %d timers fired, %d apologies, %d errors,"
        + " %d s. CSV: %s%n", options.slow() ? "(slow)" : "", result.started(), result.tasksCompleted(),
        result.timersFired(), result.apologies(), result.errors(), result.runtime().toSeconds(), csv.toAbsolutePath());
    if (args.containsOption("serve")) {
      // stay up, so managers look at the replayed year in Cockpit's dashboard: the same charts and table
      System.out.printf("Dashboard of the replayed period (log in as quanly / demo): http://localhost:%s"
          + "/camunda/app/cockpit/default/#/dashboard?from=%s&to=%s%n",
          context.getEnvironment().getProperty("local.server.port"), from, to);
      return;
    }
    if (exit) {
      System.exit(SpringApplication.exit(context, () -> 0));
    }
  }

  /** The report as a fixed-width table for the console. */
  static String table(StatisticsReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Thống kê giải quyết hồ sơ %s – %s%n", report.from(), report.to()));
    String format = "%-40s %7s %7s %7s %7s %7s %7s %7s %7s %7s %6s %8s%n";
    out.append(String.format(format, "Thủ tục", "Tồn", "Nhận", "T.tuyến", "Tr.hạn", "Đ.hạn", "Q.hạn", "Đang TH",
        "Đang QH", "Bổ sung", "TB ngày", "Tỷ lệ"));
    for (StatisticsRow r : concat(report.rows(), report.total())) {
      out.append(String.format(format, shorten(r.label()), r.carriedOver(), r.received(), r.receivedOnline(),
          r.solvedEarly(), r.solvedOnTime(), r.solvedLate(), r.inProcessWithinDeadline(), r.inProcessPastDeadline(),
          r.pausedForSupplement(), r.averageProcessingDays() == null ? "-" : r.averageProcessingDays().toPlainString(),
          r.onTimeShare() == null ? "-" : r.onTimeShare().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
              + "%"));
    }
    return out.toString();
  }

  private static List<StatisticsRow> concat(List<StatisticsRow> rows, StatisticsRow total) {
    List<StatisticsRow> all = new java.util.ArrayList<>(rows);
    all.add(total);
    return all;
  }

  private static String shorten(String label) {
    return label.length() <= 40 ? label : label.substring(0, 39) + "…";
  }

  private static String option(ApplicationArguments args, String name, String fallback) {
    List<String> values = args.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}
