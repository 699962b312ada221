package vn.gov.sct.onestop.form;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A checked value of a procedure's field, typed: text and choices as text, numbers as {@link BigDecimal},
 * days as {@link LocalDate}, yes / no as {@link Boolean}.
 */
public record FieldValue(String key, FieldType type, Object value) {

  public String text() {
    return value instanceof String s ? s : null;
  }

  public BigDecimal number() {
    return value instanceof BigDecimal n ? n : null;
  }

  public LocalDate date() {
    return value instanceof LocalDate d ? d : null;
  }

  public Boolean bool() {
    return value instanceof Boolean b ? b : null;
  }
}
