package vn.gov.sct.onestop.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The forms of the periodic report to the city, with the dates they took effect, read from
 * {@code report/periodic-report-forms.yaml}: a new form is a new entry of data, not a change of code.
 */
@Component
public class PeriodicReportForms {

  /** One version of the form: its number, title, legal basis and unit line, in force from a day. */
  public record Form(String number, String title, String legalBasis, String unit, LocalDate effectiveFrom) {}

  private final List<Form> forms;

  public PeriodicReportForms() {
    try (InputStream in = new ClassPathResource("report/periodic-report-forms.yaml").getInputStream()) {
      Map<String, List<Map<String, Object>>> root = new Yaml().load(in);
      forms = root.get("forms").stream().map(f -> new Form(text(f, "number"), text(f, "title"),
          text(f, "legalBasis"), text(f, "unit"), LocalDate.parse(text(f, "effectiveFrom")))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The form in force on the day (the period's last day). */
  public Form on(LocalDate day) {
    return forms.stream().filter(f -> !f.effectiveFrom().isAfter(day)).max(Comparator.comparing(Form::effectiveFrom))
        .orElseGet(() -> forms.stream().min(Comparator.comparing(Form::effectiveFrom)).orElseThrow());
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (value == null) {
      throw new IllegalStateException("report/periodic-report-forms.yaml: a form has no '" + key + "'");
    }
    return value.toString();
  }
}
