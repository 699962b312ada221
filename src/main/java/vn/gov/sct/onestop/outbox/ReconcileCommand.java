package vn.gov.sct.onestop.outbox;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Đối soát: the operator's command {@code java -jar onestop.jar --onestop.reconcile=portal} prints, as a table, the
 * dossiers whose last message to a receiver was not acknowledged (the same query as
 * {@code GET /api/v1/outbox/unacknowledged}, {@link OutboxOperations#unacknowledged}) and exits with 0 when there is
 * none, 1 when there are some (a cron job or monitoring check can act on it), 2 for an unknown channel. It starts
 * the application without the web server, the job executor or the outbox dispatcher, so it can run beside the
 * nodes on the same database and sends nothing itself.
 */
@Component
public class ReconcileCommand implements ApplicationRunner, ExitCodeGenerator {

  public static final String OPTION = "onestop.reconcile";
  static final int NONE_UNACKNOWLEDGED = 0;
  static final int SOME_UNACKNOWLEDGED = 1;
  static final int BAD_CHANNEL = 2;

  /**
   * What the command turns off, above every other property source: it only reads. (The statistics compaction and
   * the calendar watch are scheduled far away: the command ends long before.)
   */
  private static final Map<String, Object> COMMAND_SETTINGS = Map.of(
      "camunda.bpm.job-execution.enabled", "false",
      "onestop.outbox.auto-dispatch", "false",
      "onestop.statistics.compaction-interval", "PT24H",
      "onestop.calendar.watch-interval", "PT24H",
      "spring.main.banner-mode", "off",
      // the engine's REST API and the web apps need a servlet context; the command has none
      "spring.autoconfigure.exclude", "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
          + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final OutboxOperations operations;
  private int exitCode = NONE_UNACKNOWLEDGED;

  public ReconcileCommand(OutboxOperations operations) {
    this.operations = operations;
  }

  /** True when the command line asks for the reconciliation instead of a node. */
  public static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + OPTION + "="));
  }

  /** Runs the application as the command: no web server, no job executor, no dispatcher; returns its exit code. */
  public static int launch(Class<?> application, String[] args) {
    SpringApplication command = new SpringApplication(application);
    command.setWebApplicationType(WebApplicationType.NONE);
    command.setBannerMode(Banner.Mode.OFF);
    command.addInitializers(context -> context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("reconcile-command", COMMAND_SETTINGS)));
    return SpringApplication.exit(command.run(args));
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> channel = args.getOptionValues(OPTION);
    if (channel == null || channel.isEmpty()) {
      return; // a node, not the command
    }
    // UTF-8 whatever the platform's default (Java 17 takes the locale's): the table is Vietnamese
    exitCode = reconcile(channel.get(0), new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Prints the table of the channel's unacknowledged dossiers; returns the exit code. */
  int reconcile(String channelName, PrintStream out) {
    OutboxChannel channel;
    try {
      channel = OutboxChannel.valueOf(channelName.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      out.printf("Kênh '%s' không tồn tại; dùng email, sms, zalo hoặc portal.%n", channelName);
      return BAD_CHANNEL;
    }
    List<UnacknowledgedDossier> dossiers = operations.unacknowledged(channel);
    if (dossiers.isEmpty()) {
      out.printf("Kênh %s: mọi hồ sơ đã được bên nhận xác nhận tin cuối cùng.%n", channel);
      return NONE_UNACKNOWLEDGED;
    }
    out.print(table(dossiers));
    out.printf("Kênh %s: %d hồ sơ có tin cuối cùng chưa được bên nhận xác nhận.%n", channel, dossiers.size());
    return SOME_UNACKNOWLEDGED;
  }

  static String table(List<UnacknowledgedDossier> dossiers) {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"Mã hồ sơ", "Loại tin", "Trạng thái", "Số lần gửi", "Tạo lúc", "Lỗi gần nhất"});
    for (UnacknowledgedDossier d : dossiers) {
      String error = d.lastError() == null ? "" : d.lastError().replaceAll("\\s+", " ");
      rows.add(new String[] {d.dossierCode(), d.kind(), "DEAD".equals(d.status()) ? "DEAD (hỏng)" : "PENDING (chờ gửi)",
          String.valueOf(d.attempts()), TIME.format(d.createdAt()),
          error.length() > 80 ? error.substring(0, 80) + "…" : error});
    }
    int[] widths = new int[rows.get(0).length];
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    });
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      for (int i = 0; i < r.length; i++) {
        text.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
      }
      text.append(System.lineSeparator());
      if (n == 0) {
        for (int i = 0; i < widths.length; i++) {
          text.append("-".repeat(widths[i])).append(i == widths.length - 1 ? "" : "  ");
        }
        text.append(System.lineSeparator());
      }
    }
    return text.toString();
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
