package vn.gov.sct.onestop.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: median with min and max, or percentiles of latencies. */
final class Sample {

  private final List<Double> values = new ArrayList<>();

  Sample add(double value) {
    synchronized (values) {
      values.add(value);
    }
    return this;
  }

  int size() {
    return values.size();
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    return percentile(50);
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    List<Double> s = sorted();
    return s.get(s.size() - 1);
  }

  /** Nearest-rank percentile. */
  double percentile(double p) {
    List<Double> s = sorted();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    if (p == 50 && s.size() % 2 == 0) {
      return (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * s.size());
    return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
  }

  private List<Double> sorted() {
    List<Double> copy;
    synchronized (values) {
      copy = new ArrayList<>(values);
    }
    Collections.sort(copy);
    return copy;
  }

  /** "12.3 (11.9–12.8)": median, min and max. */
  String describe(int decimals) {
    if (values.isEmpty()) {
      return "–";
    }
    if (values.size() == 1) {
      return format(median(), decimals);
    }
    return format(median(), decimals) + " (" + format(min(), decimals) + "–" + format(max(), decimals) + ")";
  }

  static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
