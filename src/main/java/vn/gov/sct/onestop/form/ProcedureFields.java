package vn.gov.sct.onestop.form;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * The procedure's own fields of a dossier, for every channel: the online API checks a submission here before
 * anything is written ({@link #checkSubmission}), and the start listener of every procedure records the values
 * typed ({@link #record}), whether they came from the API or from the Tasklist start form.
 */
@Component
public class ProcedureFields {

  private final ApplicationForms forms;
  private final FieldValidator validator;
  private final FieldValueStore store;

  public ProcedureFields(ApplicationForms forms, FieldValidator validator, FieldValueStore store) {
    this.forms = forms;
    this.validator = validator;
    this.store = store;
  }

  public List<FormField> fields(String procedureCode) {
    return forms.fields(procedureCode);
  }

  /**
   * Checks an online submission: every required field present, no unknown field, each value of its type and
   * within the form's limits. Answers the process variables to start with; refuses with 400 naming each field.
   */
  public Map<String, Object> checkSubmission(String procedureCode, Map<String, ?> submitted, LocalDate today) {
    FieldValidator.Checked checked = validator.check(fields(procedureCode), submitted, today, true);
    if (!checked.valid()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", checked.issues(), checked.issues().size());
    }
    return new LinkedHashMap<>(checked.variables());
  }

  /**
   * Records the dossier's field values from the starting process's variables, typed. A value that breaks the
   * form's rules (the Tasklist form would not have sent it) fails the start with 400, naming the fields; a missing one
   * does not, since the form in Tasklist and the API already require what is required.
   */
  public void record(String dossierCode, String procedureCode, VariableScope variables, LocalDate today) {
    Map<String, Object> present = new LinkedHashMap<>();
    for (FormField field : fields(procedureCode)) {
      Object value = variables.getVariable(field.key());
      if (value != null) {
        present.put(field.key(), value);
      }
    }
    FieldValidator.Checked checked = validator.check(fields(procedureCode), present, today, false);
    if (!checked.valid()) {
      // the same problem as the online API's, whichever API started the process (config/EngineRestErrors)
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", checked.issues(), checked.issues().size());
    }
    store.save(dossierCode, checked.values());
    // the form's own representation (text trimmed, a whole number as a number, a day as YYYY-MM-DD)
    checked.variables().forEach(variables::setVariable);
  }

  public List<FieldValue> values(String dossierCode) {
    return store.list(dossierCode);
  }
}
