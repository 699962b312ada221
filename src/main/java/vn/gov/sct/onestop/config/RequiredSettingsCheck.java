package vn.gov.sct.onestop.config;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up in the {@code postgres} profile when a secret or connection setting is missing from the
 * environment, naming the variable, before anything connects or creates an account.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

  static final List<String> POSTGRES_VARIABLES = List.of(
      "ONESTOP_DB_URL", "ONESTOP_DB_USER", "ONESTOP_DB_PASSWORD", "ONESTOP_ADMIN_USER", "ONESTOP_ADMIN_PASSWORD");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = List.of(environment.getActiveProfiles());
    if (!profiles.contains("postgres")) {
      return;
    }
    if (profiles.contains("demo")) {
      throw new IllegalStateException("The 'demo' and 'postgres' profiles cannot be active together: "
          + "demo users have known passwords");
    }
    List<String> missing = POSTGRES_VARIABLES.stream()
        .filter(name -> isBlank(environment.getProperty(name)))
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Missing environment variable" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " (required by the 'postgres' profile; see README, Operations)");
    }
    String password = environment.getProperty("ONESTOP_ADMIN_PASSWORD");
    if (Stream.of("admin", "demo", "password", "camunda").anyMatch(password::equalsIgnoreCase) || password.length() < 12) {
      throw new IllegalStateException("Environment variable ONESTOP_ADMIN_PASSWORD is too weak: "
          + "use at least 12 characters and not a well-known password");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }
}
