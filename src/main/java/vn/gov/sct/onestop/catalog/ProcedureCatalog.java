package vn.gov.sct.onestop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Danh mục thủ tục: the procedures and divisions of {@code processes/procedures.yaml}, validated on load.
 * Every error names the file and the entry at fault.
 */
public final class ProcedureCatalog {

  private final Map<String, Division> divisions;
  private final Map<String, Procedure> byCode;
  private final Map<String, Procedure> byProcessKey;

  private ProcedureCatalog(List<Division> divisions, List<Procedure> procedures) {
    this.divisions = new LinkedHashMap<>();
    divisions.forEach(d -> this.divisions.put(d.id(), d));
    this.byCode = new LinkedHashMap<>();
    this.byProcessKey = new LinkedHashMap<>();
    procedures.forEach(p -> {
      byCode.put(p.code(), p);
      byProcessKey.put(p.processKey(), p);
    });
  }

  public Collection<Division> divisions() {
    return divisions.values();
  }

  public Collection<Procedure> procedures() {
    return byCode.values();
  }

  public Division division(String id) {
    Division division = divisions.get(id);
    if (division == null) {
      throw new CatalogException("Unknown division '" + id + "'");
    }
    return division;
  }

  public Optional<Procedure> findByCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Procedure byCode(String code) {
    return findByCode(code).orElseThrow(() -> new CatalogException("Unknown procedure '" + code + "'"));
  }

  public Procedure byProcessKey(String processKey) {
    Procedure procedure = byProcessKey.get(processKey);
    if (procedure == null) {
      throw new CatalogException("No procedure of the catalog has process key '" + processKey + "'");
    }
    return procedure;
  }

  /** Fails, naming the procedure, when its process key has no executable model among the given ids. */
  public void requireModels(Set<String> processIds) {
    for (Procedure p : byCode.values()) {
      if (!processIds.contains(p.processKey())) {
        throw new CatalogException("Procedure '" + p.code() + "': process key '" + p.processKey()
            + "' has no BPMN model under processes/ (known process ids: " + processIds + ")");
      }
    }
  }

  public static ProcedureCatalog load(String fileName, InputStream in) {
    Object root;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException | IOException e) {
      throw new CatalogException(fileName + ": not valid YAML: " + e.getMessage(), e);
    }
    return new Parser(fileName).parse(root);
  }

  /** Turns the YAML tree into records, checking every rule of the catalog. */
  private static final class Parser {
    private final String file;

    Parser(String file) {
      this.file = file;
    }

    ProcedureCatalog parse(Object root) {
      Map<String, Object> top = map(root, "document");
      List<Division> divisions = new ArrayList<>();
      Set<String> divisionIds = new HashSet<>();
      for (Object item : list(top.get("divisions"), "divisions")) {
        Map<String, Object> m = map(item, "divisions entry");
        Division d = new Division(text(m, "id", "division"), text(m, "name", "division"));
        if (!d.id().matches("[a-z][a-z0-9-]*")) {
          throw error("division '" + d.id() + "': id must be lower-case ASCII words joined by '-'");
        }
        if (!divisionIds.add(d.id())) {
          throw error("division '" + d.id() + "' is listed twice");
        }
        divisions.add(d);
      }
      List<Procedure> procedures = new ArrayList<>();
      Set<String> codes = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (Object item : list(top.get("procedures"), "procedures")) {
        Procedure p = procedure(map(item, "procedures entry"), divisionIds);
        if (!codes.add(p.code())) {
          throw error("procedure '" + p.code() + "' is listed twice");
        }
        if (!keys.add(p.processKey())) {
          throw error("procedure '" + p.code() + "': process key '" + p.processKey() + "' is used twice");
        }
        procedures.add(p);
      }
      return new ProcedureCatalog(divisions, procedures);
    }

    private Procedure procedure(Map<String, Object> m, Set<String> divisionIds) {
      String code = text(m, "code", "procedure");
      String where = "procedure '" + code + "'";
      String division = text(m, "division", where);
      if (!divisionIds.contains(division)) {
        throw error(where + ": division '" + division + "' is not among the divisions");
      }
      int level = integer(m, "onlineLevel", where);
      if (level < 2 || level > 4) {
        throw error(where + ": onlineLevel must be 2, 3 or 4, not " + level);
      }
      long fee = integer(m, "feeVnd", where);
      if (fee < 0) {
        throw error(where + ": feeVnd must not be negative");
      }
      List<String> documents = new ArrayList<>();
      if (m.get("requiredDocuments") != null) {
        for (Object doc : list(m.get("requiredDocuments"), where + " requiredDocuments")) {
          documents.add(String.valueOf(doc));
        }
      }
      List<DeadlineVersion> deadlines = new ArrayList<>();
      for (Object item : list(m.get("deadlines"), where + " deadlines")) {
        deadlines.add(deadline(map(item, where + " deadline"), where, divisionIds));
      }
      if (deadlines.isEmpty()) {
        throw error(where + ": at least one deadline is required");
      }
      for (int i = 1; i < deadlines.size(); i++) {
        if (!deadlines.get(i).effectiveFrom().isAfter(deadlines.get(i - 1).effectiveFrom())) {
          throw error(where + ": deadline effective from " + deadlines.get(i).effectiveFrom()
              + " overlaps the one effective from " + deadlines.get(i - 1).effectiveFrom()
              + " (list versions in increasing effectiveFrom order, one per date)");
        }
      }
      Object national = m.get("nationalCode");
      return new Procedure(code, national == null ? null : String.valueOf(national),
          text(m, "nameVi", where), text(m, "nameEn", where), division,
          bool(m, "siteInspectionRequired", false, where), text(m, "processKey", where), level, fee, List.copyOf(documents), List.copyOf(deadlines));
    }

    private DeadlineVersion deadline(Map<String, Object> m, String where, Set<String> divisionIds) {
      LocalDate from = date(m, "effectiveFrom", where);
      String at = where + " deadline effective from " + from;
      BigDecimal days = halfDays(m.get("workingDays"), at + ": workingDays");
      List<StepAllotment> allotments = new ArrayList<>();
      Set<String> steps = new HashSet<>();
      for (Object item : list(m.get("allotments"), at + " allotments")) {
        Map<String, Object> a = map(item, at + " allotment");
        String step = text(a, "step", at + " allotment");
        String unit = text(a, "unit", at + " allotment of " + step);
        if (!divisionIds.contains(unit)) {
          throw error(at + ": allotment of step '" + step + "' names unknown unit '" + unit + "'");
        }
        if (!steps.add(step)) {
          throw error(at + ": step '" + step + "' is allotted twice");
        }
        allotments.add(new StepAllotment(step, unit, halfDays(a.get("days"), at + ": days of step " + step)));
      }
      BigDecimal sum = allotments.stream().map(StepAllotment::days).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(days) != 0) {
        throw error(at + ": allotments add up to " + sum.stripTrailingZeros().toPlainString()
            + " working days, but the deadline is " + days.stripTrailingZeros().toPlainString());
      }
      return new DeadlineVersion(days, from, text(m, "legalBasis", at), List.copyOf(allotments));
    }

    private BigDecimal halfDays(Object value, String what) {
      BigDecimal days;
      try {
        days = new BigDecimal(String.valueOf(value));
      } catch (NumberFormatException e) {
        throw error(what + " must be a number of working days, not '" + value + "'");
      }
      if (days.signum() <= 0 || days.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
        throw error(what + " must be a positive multiple of 0.5 working days, not " + value);
      }
      return days;
    }

    private LocalDate date(Map<String, Object> m, String key, String where) {
      Object value = m.get(key);
      if (value instanceof Date d) {
        return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
      }
      try {
        return LocalDate.parse(String.valueOf(value));
      } catch (DateTimeParseException e) {
        throw error(where + ": " + key + " must be a date like 2018-01-01, not '" + value + "'");
      }
    }

    private boolean bool(Map<String, Object> m, String key, boolean defaultValue, String where) {
      Object value = m.get(key);
      if (value == null) {
        return defaultValue;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      throw error(where + ": " + key + " must be true or false, not '" + value + "'");
    }

    private int integer(Map<String, Object> m, String key, String where) {
      Object value = m.get(key);
      if (value instanceof Number n) {
        return n.intValue();
      }
      throw error(where + ": " + key + " must be a whole number, not '" + value + "'");
    }

    private String text(Map<String, Object> m, String key, String where) {
      Object value = m.get(key);
      if (value == null || String.valueOf(value).isBlank()) {
        throw error(where + ": '" + key + "' is required");
      }
      return String.valueOf(value).trim();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String what) {
      if (value instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      throw error(what + " must be a mapping");
    }

    private List<?> list(Object value, String what) {
      if (value instanceof List<?> l) {
        return l;
      }
      throw error("'" + what + "' must be a list");
    }

    private CatalogException error(String message) {
      return new CatalogException(file + ": " + message);
    }
  }
}
