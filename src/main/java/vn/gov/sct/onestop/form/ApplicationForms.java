package vn.gov.sct.onestop.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import vn.gov.sct.onestop.catalog.ModelCheckException;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.ProcessModels;
import vn.gov.sct.onestop.catalog.ProcessModels.ModelFile;
import vn.gov.sct.onestop.dossier.DossierVariables;

/**
 * Mẫu đơn của thủ tục: each procedure's own fields, read from the one place that declares them, the
 * procedure's Camunda start form ({@code processes/<procedure>/start*.form}, referenced by the start event's
 * {@code camunda:formRef}). Tasklist renders that form for counter reception; the online API validates a
 * submission against the fields read here, and the public procedures endpoint lists them. The applicant's
 * details, their contact preferences and the channel ({@link #COMMON_KEYS}) are common to every procedure and not
 * listed (the online API takes the preferences in its applicant block).
 *
 * <p>Read once on start; a component the API cannot check (a date-time, a tag list, options from a variable,
 * a group with a path) stops start-up with the file and the key, so a form never accepts in Tasklist what
 * the API would refuse, or the other way round.
 */
public final class ApplicationForms {

  /** Keys of the start forms that are the dossier's common data, not the procedure's own fields. */
  public static final Set<String> COMMON_KEYS = Set.of("channel", "applicantName", "applicantIdNumber",
      "applicantPhone", "applicantEmail", "applicantAddress", DossierVariables.NOTIFY_BY_EMAIL,
      DossierVariables.NOTIFY_BY_SMS);

  private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<FormField>> byProcedure;

  private ApplicationForms(Map<String, List<FormField>> byProcedure) {
    this.byProcedure = byProcedure;
  }

  public static ApplicationForms read(ProcessModels models, ProcedureCatalog catalog) {
    Map<String, List<FormField>> fields = new LinkedHashMap<>();
    for (Procedure procedure : catalog.procedures()) {
      fields.put(procedure.code(), List.copyOf(fieldsOf(startForm(models, procedure))));
    }
    return new ApplicationForms(fields);
  }

  /** The procedure's own fields, in the order of its start form. */
  public List<FormField> fields(String procedureCode) {
    List<FormField> fields = byProcedure.get(procedureCode);
    if (fields == null) {
      throw new IllegalArgumentException("No procedure with code '" + procedureCode + "'");
    }
    return fields;
  }

  /** The start form file of the procedure's process: the one its start event references. */
  static ModelFile startForm(ProcessModels models, Procedure procedure) {
    for (List<ModelFile> folder : models.byFolder().values()) {
      for (ModelFile bpmn : folder) {
        if (!bpmn.path().endsWith(".bpmn")) {
          continue;
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
        Process process = model.getModelElementById(procedure.processKey());
        if (process == null) {
          continue;
        }
        String formRef = process.getChildElementsByType(StartEvent.class).stream()
            .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null && !ref.isBlank()).findFirst()
            .orElseThrow(() -> new ModelCheckException("processes/" + bpmn.path() + ": the start event of '"
                + procedure.processKey() + "' has no camunda:formRef; the start form declares the procedure's fields"));
        return folder.stream().filter(f -> f.path().endsWith(".form") && formRef.equals(formId(f))).findFirst()
            .orElseThrow(() -> new ModelCheckException("processes/" + bpmn.path() + ": start form '" + formRef
                + "' is not a .form file of folder '" + bpmn.folder() + "'"));
      }
    }
    throw new ModelCheckException("No BPMN file under processes/ defines process '" + procedure.processKey() + "'");
  }

  private static String formId(ModelFile file) {
    return parse(file).path("id").asText(null);
  }

  private static JsonNode parse(ModelFile file) {
    try {
      return JSON.readTree(file.content());
    } catch (IOException e) {
      throw new ModelCheckException("processes/" + file.path() + ": not a valid JSON form: " + e.getMessage(), e);
    }
  }

  static List<FormField> fieldsOf(ModelFile file) {
    List<FormField> fields = new ArrayList<>();
    collect(file, parse(file).path("components"), fields);
    return fields;
  }

  private static void collect(ModelFile file, JsonNode components, List<FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
        throw unsupported(file, component, "a " + type + " with a path (nested keys) is not supported");
      }
      if (component.has("components")) {
        collect(file, component.path("components"), fields);
      }
      String key = component.path("key").asText(null);
      if (key == null || COMMON_KEYS.contains(key)) {
        continue;
      }
      if (!KEY.matcher(key).matches()) {
        throw unsupported(file, component, "key must start with a letter and have only letters and digits");
      }
      fields.add(field(file, component, key, type));
    }
  }

  private static FormField field(ModelFile file, JsonNode c, String key, String type) {
    JsonNode validate = c.path("validate");
    FieldType fieldType = switch (type) {
      case "textfield", "textarea" -> FieldType.TEXT;
      case "number" -> FieldType.NUMBER;
      case "select", "radio" -> FieldType.CHOICE;
      case "checkbox" -> FieldType.BOOLEAN;
      case "datetime" -> {
        if (!"date".equals(c.path("subtype").asText())) {
          throw unsupported(file, c, "only a datetime of subtype 'date' is supported");
        }
        yield FieldType.DATE;
      }
      default -> throw unsupported(file, c, "component type '" + type + "' is not supported for a procedure's field "
          + "(use textfield, textarea, number, datetime/date, select, radio or checkbox)");
    };
    List<FormField.Choice> choices = null;
    if (fieldType == FieldType.CHOICE) {
      if (!c.path("values").isArray() || c.path("values").isEmpty()) {
        throw unsupported(file, c, "a choice needs static values (not valuesKey or valuesExpression)");
      }
      choices = new ArrayList<>();
      for (JsonNode v : c.path("values")) {
        choices.add(new FormField.Choice(v.path("value").asText(), v.path("label").asText()));
      }
      choices = List.copyOf(choices);
    }
    String pattern = text(validate, "pattern");
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw unsupported(file, c, "pattern is not a valid regular expression: " + e.getDescription());
      }
    }
    String label = c.path("label").asText(key);
    return new FormField(key, label, fieldType, validate.path("required").asBoolean(false), text(c, "description"),
        integer(validate, "minLength"), integer(validate, "maxLength"), pattern, decimal(validate, "min"),
        decimal(validate, "max"), integer(c, "decimalDigits"), c.path("disallowPassedDates").asBoolean(false),
        choices);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static Integer integer(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isNumber() ? null : value.intValue();
  }

  private static BigDecimal decimal(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isNumber() ? null : value.decimalValue();
  }

  private static ModelCheckException unsupported(ModelFile file, JsonNode component, String why) {
    String name = Optional.ofNullable(component.path("key").asText(null)).orElse(component.path("id").asText());
    return new ModelCheckException("processes/" + file.path() + ": field '" + name + "': " + why);
  }
}
