package vn.gov.sct.onestop.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Biểu mẫu theo thời gian: the editions of the one-stop forms ({@code papers/forms.yaml}), each from the day it
 * applies. A paper issued on a day uses the edition in force that day, like the catalog's deadlines.
 */
public final class FormCatalog {

  static final String FILE = "papers/forms.yaml";

  private final List<Edition> editions;

  private record Edition(String id, LocalDate effectiveFrom, String legalBasis, Map<PaperKind, FormVersion> forms) {}

  private FormCatalog(List<Edition> editions) {
    this.editions = editions.stream().sorted(Comparator.comparing(Edition::effectiveFrom)).toList();
  }

  /** The form of this kind in force on the day; fails when no edition in force that day has it. */
  public FormVersion inForce(PaperKind kind, LocalDate day) {
    Edition edition = editions.stream().filter(e -> !e.effectiveFrom().isAfter(day))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new PaperDataException(FILE + ": no edition in force on " + day));
    FormVersion form = edition.forms().get(kind);
    if (form == null || form.template() == null) {
      throw new PaperDataException(FILE + ": edition '" + edition.id() + "' has no printable form " + kind);
    }
    return form;
  }

  /** Every form with a template, for the start-up check that each template exists. */
  List<FormVersion> printable() {
    return editions.stream().flatMap(e -> e.forms().values().stream()).filter(f -> f.template() != null).toList();
  }

  public static FormCatalog fromClasspath() {
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      return load(FILE, in);
    } catch (IOException e) {
      throw new PaperDataException("Cannot read " + FILE, e);
    }
  }

  static FormCatalog load(String file, InputStream in) {
    Object root;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException | IOException e) {
      throw new PaperDataException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    List<Edition> editions = new ArrayList<>();
    for (Object item : list(map(root, file).get("editions"), file + ": editions")) {
      Map<String, Object> e = map(item, file + ": editions entry");
      String id = text(e, "id", file + ": edition");
      String where = file + ": edition '" + id + "'";
      LocalDate from = date(e.get("effectiveFrom"), where + ": effectiveFrom");
      String basis = text(e, "legalBasis", where);
      Map<PaperKind, FormVersion> forms = new EnumMap<>(PaperKind.class);
      for (Map.Entry<String, Object> f : map(e.get("forms"), where + ": forms").entrySet()) {
        PaperKind kind;
        try {
          kind = PaperKind.valueOf(f.getKey());
        } catch (IllegalArgumentException unknown) {
          throw new PaperDataException(where + ": unknown form '" + f.getKey() + "'");
        }
        Map<String, Object> form = map(f.getValue(), where + ": form " + kind);
        // an unquoted title with a comma becomes an extra key in a YAML flow mapping: refuse it
        form.keySet().stream().filter(key -> !Set.of("number", "title", "template").contains(key)).findFirst()
            .ifPresent(key -> {
              throw new PaperDataException(where + ": form " + kind + ": unknown key '" + key
                  + "' (quote a title that contains a comma)");
            });
        Object number = form.get("number");
        Object template = form.get("template");
        if (template != null && !template.toString().matches("[a-z][a-z0-9-]*")) {
          throw new PaperDataException(where + ": form " + kind + ": template must be a file name without extension");
        }
        forms.put(kind, new FormVersion(kind, id, from, number == null ? null : number.toString(),
            text(form, "title", where + ": form " + kind), basis, template == null ? null : template.toString()));
      }
      editions.add(new Edition(id, from, basis, forms));
    }
    if (editions.isEmpty()) {
      throw new PaperDataException(file + ": no editions");
    }
    return new FormCatalog(editions);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new PaperDataException(what + ": expected a mapping");
  }

  private static List<Object> list(Object o, String what) {
    if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new PaperDataException(what + ": expected a list");
  }

  private static String text(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new PaperDataException(where + ": '" + key + "' is missing");
    }
    return v.toString().strip();
  }

  private static LocalDate date(Object v, String where) {
    if (v instanceof Date d) {
      return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(v));
    } catch (RuntimeException e) {
      throw new PaperDataException(where + ": not a date (yyyy-mm-dd): " + v);
    }
  }
}
