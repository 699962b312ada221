package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The postgres profile refuses to start without its secrets, and says which one is missing. */
class RequiredSettingsCheckTest {

  private static StandardEnvironment environment(Map<String, Object> values, String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", values));
    environment.setActiveProfiles(profiles);
    return environment;
  }

  private static Map<String, Object> complete() {
    Map<String, Object> values = new HashMap<>();
    values.put("ONESTOP_DB_URL", "jdbc:postgresql://db:5432/onestop");
    values.put("ONESTOP_DB_USER", "onestop");
    values.put("ONESTOP_DB_PASSWORD", "s3cret-db-password");
    values.put("ONESTOP_ADMIN_USER", "quantri");
    values.put("ONESTOP_ADMIN_PASSWORD", "a-long-admin-passphrase");
    return values;
  }

  private final RequiredSettingsCheck check = new RequiredSettingsCheck();

  @Test
  void missing_admin_password_is_named() {
    Map<String, Object> values = complete();
    values.remove("ONESTOP_ADMIN_PASSWORD");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment(values, "postgres"), new SpringApplication()))
        .hasMessageContaining("Missing environment variable ONESTOP_ADMIN_PASSWORD");
  }

  @Test
  void weak_admin_password_is_refused() {
    Map<String, Object> values = complete();
    values.put("ONESTOP_ADMIN_PASSWORD", "admin");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment(values, "postgres"), new SpringApplication()))
        .hasMessageContaining("ONESTOP_ADMIN_PASSWORD is too weak");
  }

  @Test
  void demo_and_postgres_together_are_refused() {
    assertThatThrownBy(() -> check.postProcessEnvironment(environment(complete(), "postgres", "demo"),
        new SpringApplication())).hasMessageContaining("cannot be active together");
  }

  @Test
  void complete_settings_and_the_demo_profile_pass() {
    assertThatCode(() -> check.postProcessEnvironment(environment(complete(), "postgres"), new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.postProcessEnvironment(environment(new HashMap<>(), "demo"), new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
