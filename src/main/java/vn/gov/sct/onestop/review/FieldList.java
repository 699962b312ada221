package vn.gov.sct.onestop.review;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.gov.sct.onestop.form.FieldValue;
import vn.gov.sct.onestop.form.FormField;

/**
 * Thông tin đề nghị: the procedure's own fields of a dossier as a two-column table for a task form, labelled
 * as the start form labels them, a choice by its label, a day as dd/MM/yyyy.
 */
final class FieldList {

  static final String EMPTY = "_Hồ sơ không có thông tin riêng của thủ tục._";
  static final int CELL = 600;

  private FieldList() {}

  static String markdown(List<FormField> declared, List<FieldValue> values) {
    Map<String, FieldValue> byKey = values.stream().collect(Collectors.toMap(FieldValue::key, Function.identity()));
    StringBuilder out = new StringBuilder("| Thông tin | Nội dung |\n|---|---|\n");
    int rows = 0;
    for (FormField field : declared) {
      FieldValue value = byKey.get(field.key());
      if (value == null || value.value() == null) {
        continue;
      }
      String text = text(field, value);
      String row = "| " + Markdown.cell(field.label()) + " | "
          + Markdown.cell(text.length() > CELL ? text.substring(0, CELL) + "…" : text) + " |\n";
      if (out.length() + row.length() > DocumentList.LIMIT) {
        break; // a text variable holds 4,000 characters; the full values stay in the registry
      }
      out.append(row);
      rows++;
    }
    return rows == 0 ? EMPTY : out.toString();
  }

  private static String text(FormField field, FieldValue value) {
    return switch (field.type()) {
      case DATE -> Markdown.day(value.date());
      case BOOLEAN -> Boolean.TRUE.equals(value.bool()) ? "Có" : "Không";
      case NUMBER -> value.number().toPlainString();
      case CHOICE -> field.choices().stream().filter(c -> c.value().equals(value.text())).map(FormField.Choice::label)
          .findFirst().orElse(value.text());
      case TEXT -> value.text();
    };
  }
}
