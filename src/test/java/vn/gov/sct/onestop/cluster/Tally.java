package vn.gov.sct.onestop.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The answers a scenario's clients got, by kind. A clean failure is one the client can act on without knowing
 * more: a refused or cut connection (nothing answered; the client retries elsewhere), 409 (a concurrent change,
 * nothing written), 503 or 429 with a problem detail and Retry-After. Anything else that is not the expected
 * answer (a 500, a 401 for a good password, a request that hung) is unclean and fails the scenario.
 */
final class Tally {

  static final String OK = "ok";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, String> examples = new ConcurrentHashMap<>();
  private final LongAdder unclean = new LongAdder();
  private volatile double slowestMillis;
  private volatile long lastFailureNanos;

  void count(String kind, boolean clean, String example, double millis) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (!clean) {
      unclean.increment();
      examples.putIfAbsent(kind, example);
    }
    if (!OK.equals(kind)) {
      lastFailureNanos = System.nanoTime();
    }
    if (millis > slowestMillis) {
      slowestMillis = millis;
    }
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long of(String kind) {
    LongAdder adder = counts.get(kind);
    return adder == null ? 0 : adder.sum();
  }

  long unclean() {
    return unclean.sum();
  }

  /** System.nanoTime() of the last answer that was not the expected one (0 when none). */
  long lastFailureNanos() {
    return lastFailureNanos;
  }

  double slowestMillis() {
    return slowestMillis;
  }

  /** "1,234 requests: 1,200 ok, 30 connection refused, …". */
  String describe() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.sum()));
    String parts = sorted.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> String.format("%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", "));
    return String.format("%,d requests: %s", total(), parts);
  }

  Map<String, String> uncleanExamples() {
    return Map.copyOf(examples);
  }
}
