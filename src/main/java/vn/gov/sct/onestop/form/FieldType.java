package vn.gov.sct.onestop.form;

/**
 * The kinds of value a procedure's own field holds, from the Camunda Form component that declares it:
 * {@code textfield} and {@code textarea} are text (an address is text), {@code number} a number,
 * {@code datetime} with subtype {@code date} a day, {@code select} and {@code radio} a choice among fixed
 * values, {@code checkbox} yes or no.
 */
public enum FieldType {
  TEXT, NUMBER, DATE, CHOICE, BOOLEAN
}
