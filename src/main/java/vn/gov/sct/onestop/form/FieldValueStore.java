package vn.gov.sct.onestop.form;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The values of a dossier's own fields in table {@code dossier_field_value}, one typed column per kind (a day
 * in a {@code date} column, a number in a {@code numeric} one), so reports and documents read them without
 * parsing. Written in the engine's transaction by the procedure's start listener.
 */
@Repository
public class FieldValueStore {

  private final JdbcTemplate jdbc;

  public FieldValueStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(String dossierCode, List<FieldValue> values) {
    if (values.isEmpty()) {
      return;
    }
    // one batch for the dossier's fields: one round trip, not one per field
    jdbc.batchUpdate("""
        insert into dossier_field_value (dossier_code, field_key, position, field_type, text_value, number_value,
            date_value, boolean_value) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        IntStream.range(0, values.size()).mapToObj(position -> {
          FieldValue v = values.get(position);
          return new Object[] {dossierCode, v.key(), position, v.type().name(), v.text(), v.number(),
              v.date() == null ? null : Date.valueOf(v.date()), v.bool()};
        }).toList());
  }

  public List<FieldValue> list(String dossierCode) {
    return jdbc.query("""
        select field_key, field_type, text_value, number_value, date_value, boolean_value
        from dossier_field_value where dossier_code = ? order by position""", (rs, n) -> {
          FieldType type = FieldType.valueOf(rs.getString("field_type"));
          Object value = switch (type) {
            case TEXT, CHOICE -> rs.getString("text_value");
            case NUMBER -> {
              BigDecimal number = rs.getBigDecimal("number_value");
              yield number == null ? null : number.stripTrailingZeros();
            }
            case DATE -> rs.getObject("date_value", LocalDate.class);
            case BOOLEAN -> rs.getObject("boolean_value", Boolean.class);
          };
          return new FieldValue(rs.getString("field_key"), type, value);
        }, dossierCode);
  }
}
