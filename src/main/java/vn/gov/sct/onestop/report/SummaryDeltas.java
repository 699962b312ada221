package vn.gov.sct.onestop.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Measure deltas per local day, procedure and division, added up in memory before they are written. */
final class SummaryDeltas {

  record Key(LocalDate day, String procedureCode, String division) {}

  private final Map<Key, long[]> rows = new HashMap<>();

  void add(LocalDate day, String procedureCode, String division, Measure measure, long delta) {
    if (delta != 0) {
      rows.computeIfAbsent(new Key(day, procedureCode, division), k -> new long[Measure.COUNT])[measure.ordinal()]
          += delta;
    }
  }

  void add(Key key, long[] values) {
    long[] sums = rows.computeIfAbsent(key, k -> new long[Measure.COUNT]);
    for (int i = 0; i < sums.length; i++) {
      sums[i] += values[i];
    }
  }

  /** The rows with at least one non-zero measure. */
  void forEach(BiConsumer<Key, long[]> action) {
    rows.forEach((key, values) -> {
      if (Arrays.stream(values).anyMatch(v -> v != 0)) {
        action.accept(key, values);
      }
    });
  }

  boolean isEmpty() {
    return rows.values().stream().allMatch(values -> Arrays.stream(values).allMatch(v -> v == 0));
  }
}
