package vn.gov.sct.onestop.dossier;

/** A step needs a process variable that nobody set: a form or API call left a required field out. */
public class MissingVariableException extends IllegalArgumentException {

  private final String variable;

  public MissingVariableException(String variable) {
    super("Required variable '" + variable + "' is missing or empty");
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
