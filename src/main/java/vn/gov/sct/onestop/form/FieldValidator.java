package vn.gov.sct.onestop.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.gov.sct.onestop.web.ApiProblem.FieldIssue;

/**
 * Checks values of a procedure's own fields against its start form's declaration ({@link FormField}): the
 * same rules the form applies in Tasklist (required, lengths, pattern, number limits and decimals, real days,
 * no past day where the form says so, one of the choices), and no field the form does not declare. Each fault
 * is a {@link FieldIssue} naming the field ({@code fields.<key>}) with a message key of
 * {@code messages_*.properties}.
 *
 * <p>Values are answered twice: as the process variables the forms read (text, a number, a day as
 * {@code YYYY-MM-DD} text as form-js writes it, true / false), and typed for our table ({@link FieldValue}).
 */
public final class FieldValidator {

  /** No control characters other than line breaks and tabs, and no markup. */
  private static final Pattern PLAIN = Pattern.compile("[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*");
  static final int TEXT_LIMIT = 4000;

  private final ZoneId zone;

  public FieldValidator(ZoneId zone) {
    this.zone = zone;
  }

  /** The outcome of a check: the variables and typed values of the valid fields, and the issues found. */
  public record Checked(Map<String, Object> variables, List<FieldValue> values, List<FieldIssue> issues) {
    public boolean valid() {
      return issues.isEmpty();
    }
  }

  /**
   * Checks a submission. With {@code requireAll} false (a process started through the engine, whose form
   * already checked what it requires), a missing field is not an issue; anything present is still checked.
   */
  public Checked check(List<FormField> fields, Map<String, ?> submitted, LocalDate today, boolean requireAll) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<FieldValue> values = new ArrayList<>();
    List<FieldIssue> issues = new ArrayList<>();
    Set<String> known = fields.stream().map(FormField::key).collect(Collectors.toSet());
    if (submitted != null) {
      String allowed = fields.stream().map(FormField::key).collect(Collectors.joining(", "));
      submitted.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k ->
          issues.add(new FieldIssue("fields." + k, "field.form.unknown", allowed.isEmpty() ? "—" : allowed)));
    }
    for (FormField field : fields) {
      Object raw = submitted == null ? null : submitted.get(field.key());
      if (raw == null || raw instanceof String s && s.isBlank()) {
        if (field.required() && requireAll) {
          issues.add(issue(field, "field.form.required"));
        }
        continue;
      }
      int before = issues.size();
      Object typed = switch (field.type()) {
        case TEXT -> text(field, raw, issues);
        case NUMBER -> number(field, raw, issues);
        case DATE -> date(field, raw, today, issues);
        case CHOICE -> choice(field, raw, issues);
        case BOOLEAN -> bool(field, raw, issues);
      };
      if (issues.size() == before && typed != null) {
        values.add(new FieldValue(field.key(), field.type(), typed));
        variables.put(field.key(), variable(typed));
      }
    }
    return new Checked(variables, List.copyOf(values), List.copyOf(issues));
  }

  private static Object variable(Object typed) {
    if (typed instanceof BigDecimal n) {
      BigDecimal plain = n.stripTrailingZeros();
      if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return plain.longValueExact();
      }
      return n.doubleValue();
    }
    if (typed instanceof LocalDate d) {
      return d.toString();
    }
    return typed;
  }

  private static String text(FormField field, Object raw, List<FieldIssue> issues) {
    if (!(raw instanceof String value)) {
      issues.add(issue(field, "field.form.text"));
      return null;
    }
    String trimmed = value.strip();
    int max = field.maxLength() == null ? TEXT_LIMIT : Math.min(field.maxLength(), TEXT_LIMIT);
    if (trimmed.length() > max) {
      issues.add(issue(field, "field.form.max-length", max));
    } else if (field.minLength() != null && trimmed.length() < field.minLength()) {
      issues.add(issue(field, "field.form.min-length", field.minLength()));
    } else if (!PLAIN.matcher(trimmed).matches()) {
      issues.add(issue(field, "field.form.plain"));
    } else if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(trimmed).find()) {
      // found anywhere, as form-js tests it (RegExp.test); the forms anchor their patterns
      issues.add(issue(field, "field.form.pattern", field.description() == null ? field.pattern() : field.description()));
    } else {
      return trimmed;
    }
    return null;
  }

  private static BigDecimal number(FormField field, Object raw, List<FieldIssue> issues) {
    BigDecimal value = null;
    if (raw instanceof BigDecimal d) {
      value = d;
    } else if (raw instanceof BigInteger i) {
      value = new BigDecimal(i);
    } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      value = BigDecimal.valueOf(((Number) raw).longValue());
    } else if ((raw instanceof Double || raw instanceof Float) && Double.isFinite(((Number) raw).doubleValue())) {
      value = BigDecimal.valueOf(((Number) raw).doubleValue());
    }
    if (value == null) {
      issues.add(issue(field, "field.form.number"));
    } else if (field.min() != null && value.compareTo(field.min()) < 0) {
      issues.add(issue(field, "field.form.min", field.min().toPlainString()));
    } else if (field.max() != null && value.compareTo(field.max()) > 0) {
      issues.add(issue(field, "field.form.max", field.max().toPlainString()));
    } else if (value.stripTrailingZeros().scale() > (field.decimalDigits() == null ? 10 : field.decimalDigits())) {
      issues.add(issue(field, "field.form.decimal-digits", field.decimalDigits() == null ? 10 : field.decimalDigits()));
    } else if (value.abs().compareTo(new BigDecimal("1e27")) >= 0) {
      issues.add(issue(field, "field.form.max", "1e27"));
    } else {
      return value;
    }
    return null;
  }

  private LocalDate date(FormField field, Object raw, LocalDate today, List<FieldIssue> issues) {
    LocalDate value = null;
    if (raw instanceof Date date) {
      value = date.toInstant().atZone(zone).toLocalDate();
    } else if (raw instanceof String text) {
      try {
        value = LocalDate.parse(text.strip()); // ISO, strict: 2026-02-31 is refused
      } catch (DateTimeParseException e) {
        value = null;
      }
    }
    if (value == null) {
      issues.add(issue(field, "field.form.date"));
    } else if (field.noPastDates() && value.isBefore(today)) {
      issues.add(issue(field, "field.form.past-date"));
    } else {
      return value;
    }
    return null;
  }

  private static String choice(FormField field, Object raw, List<FieldIssue> issues) {
    List<String> allowed = field.choices().stream().map(FormField.Choice::value).toList();
    if (raw instanceof String value && allowed.contains(value)) {
      return value;
    }
    issues.add(issue(field, "field.form.choice", String.join(", ", allowed)));
    return null;
  }

  private static Boolean bool(FormField field, Object raw, List<FieldIssue> issues) {
    if (raw instanceof Boolean value) {
      return value;
    }
    issues.add(issue(field, "field.form.boolean"));
    return null;
  }

  private static FieldIssue issue(FormField field, String key, Object... args) {
    Object[] withLabel = new Object[args.length + 1];
    withLabel[0] = field.label();
    System.arraycopy(args, 0, withLabel, 1, args.length);
    return new FieldIssue("fields." + field.key(), key, withLabel);
  }
}
