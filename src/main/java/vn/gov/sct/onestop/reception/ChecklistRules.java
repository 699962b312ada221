package vn.gov.sct.onestop.reception;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the checklist at reception, without the engine: what the form offers (the catalog's required
 * documents, or the previous round's checklist after a supplement), how a submitted list is read and checked,
 * and what is missing. The list travels as JSON items {@code {name, required, received, paperForm, copies,
 * note}}; {@code required} is decided here from the catalog, never taken from the client.
 */
final class ChecklistRules {

  static final int MAX_ITEMS = 50;
  static final int MAX_NAME = 500;
  static final int MAX_NOTE = 1000;
  static final int MAX_COPIES = 99;

  private ChecklistRules() {}

  /**
   * The items the form starts with: the previous round's, or the catalog's documents not yet received. A document
   * without a paper form (not received) is preset to its usual form, an original or a copy where the catalog's
   * name says so, and one copy; the clerk corrects it.
   */
  static List<ChecklistItem> offer(List<String> catalogDocuments, List<ChecklistItem> previous) {
    List<ChecklistItem> items = new ArrayList<>();
    if (previous.isEmpty()) {
      catalogDocuments.forEach(name -> items.add(new ChecklistItem(items.size() + 1, name, true, false, null, null, 0,
          null)));
    } else {
      items.addAll(previous);
    }
    return items.stream().map(i -> {
      PaperForm form = i.paperForm() != null ? i.paperForm()
          : i.documentName().startsWith("Bản sao") ? PaperForm.COPY : PaperForm.ORIGINAL;
      return new ChecklistItem(i.sequence(), i.documentName(), i.required(), i.received(), form, form.label(),
          Math.max(1, i.copies()), i.note());
    }).toList();
  }

  /** A submitted list read and checked; the problems name the item by its number and name. */
  record Read(List<ChecklistItem> items, List<String> problems) {}

  static Read read(JsonNode list, List<String> catalogDocuments) {
    List<String> problems = new ArrayList<>();
    List<ChecklistItem> items = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return new Read(items, List.of("must be a list of documents"));
    }
    if (list.size() > MAX_ITEMS) {
      return new Read(items, List.of("has more than " + MAX_ITEMS + " documents"));
    }
    Set<String> names = new HashSet<>();
    int sequence = 0;
    for (JsonNode node : list) {
      sequence++;
      String name = text(node.get("name"));
      String at = "item " + sequence + (name == null ? "" : " (" + name + ")");
      if (name == null) {
        problems.add(at + ": the document's name is required");
        continue;
      }
      if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20 || c == '<' || c == '>')) {
        problems.add(at + ": the name has at most " + MAX_NAME + " characters, no control characters or < >");
        continue;
      }
      if (!names.add(name)) {
        problems.add(at + ": is listed twice");
        continue;
      }
      boolean received = node.path("received").asBoolean(false);
      PaperForm paperForm = null;
      String form = text(node.get("paperForm"));
      if (form != null) {
        try {
          paperForm = PaperForm.valueOf(form);
        } catch (IllegalArgumentException e) {
          problems.add(at + ": paperForm must be ORIGINAL, CERTIFIED_COPY or COPY, not '" + form + "'");
          continue;
        }
      }
      int copies = node.path("copies").isNumber() ? node.path("copies").asInt() : received ? 1 : 0;
      if (received && paperForm == null) {
        problems.add(at + ": a received document needs its paperForm (ORIGINAL, CERTIFIED_COPY or COPY)");
      } else if (copies < (received ? 1 : 0) || copies > MAX_COPIES) {
        problems.add(at + ": copies must be between " + (received ? 1 : 0) + " and " + MAX_COPIES);
      }
      String note = text(node.get("note"));
      if (note != null && (note.length() > MAX_NOTE || note.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == '<' || c == '>'))) {
        problems.add(at + ": the note has at most " + MAX_NOTE + " characters, no control characters or < >");
      }
      items.add(new ChecklistItem(sequence, name, catalogDocuments.contains(name), received,
          received ? paperForm : null, received && paperForm != null ? paperForm.label() : null,
          received ? copies : 0, note));
    }
    for (String required : catalogDocuments) {
      if (!names.contains(required)) {
        problems.add("the required document '" + required + "' may not be removed from the list");
      }
    }
    return new Read(items, problems);
  }

  /** Accepting needs a note for every required document that was not received. */
  static List<String> acceptanceProblems(List<ChecklistItem> items) {
    return items.stream().filter(i -> i.required() && !i.received() && i.note() == null)
        .map(i -> "item " + i.sequence() + " (" + i.documentName() + "): a required document not received "
            + "needs a note saying why the dossier is accepted without it")
        .toList();
  }

  /** The documents not received, in the checklist's order. */
  static List<String> missing(List<ChecklistItem> items) {
    return items.stream().filter(i -> !i.received()).map(ChecklistItem::documentName).toList();
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || !node.isValueNode()) {
      return null;
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
