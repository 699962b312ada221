package vn.gov.sct.onestop.dossier;

import java.time.Instant;

/**
 * What happened to a dossier, published by {@link DossierRegistry} inside the engine's transaction; the registry
 * knows none of its listeners. A plain {@code @EventListener} runs synchronously in that transaction (its writes
 * commit or roll back with the step: the statistics deltas, the outbox rows); a {@code @TransactionalEventListener}
 * sees only what was committed (the metrics' counters).
 */
public sealed interface DossierEvent {

  String code();

  /**
   * The dossier entered a status (every status change, including registration as status 1). {@code note} is what
   * the step said about it where there is one: the missing items of a supplement request, the reason of a
   * refusal; null otherwise.
   */
  record StatusChanged(String code, DossierStatus status, String note, Instant at) implements DossierEvent {}

  /**
   * A change that can move a figure of the period report: the dossier's facts before it (read with the row
   * locked) and after it.
   */
  record FactsChanged(String code, DossierFacts before, DossierFacts after) implements DossierEvent {}

  /** Thư xin lỗi và hẹn lại ngày trả kết quả (form 04): a new appointment date was given. */
  record Rescheduled(String code, Instant newDueAt, String reason) implements DossierEvent {}

  /** Tiếp nhận: the complete dossier was received and given its due date. */
  record Received(String code, String procedureCode, Channel channel) implements DossierEvent {}

  /** Giải quyết xong: the result was issued; timeliness is EARLY, ON_TIME or LATE. */
  record Solved(String code, String procedureCode, String timeliness) implements DossierEvent {}
}
