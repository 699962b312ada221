package vn.gov.sct.onestop.dossier;

/**
 * What happened to a dossier, published by {@link DossierRegistry} inside the engine's transaction. Listen with
 * {@code @TransactionalEventListener} to see only what was committed (a rolled-back step publishes nothing
 * that such a listener sees).
 */
public sealed interface DossierEvent {

  String code();

  String procedureCode();

  /** Tiếp nhận: the complete dossier was received and given its due date. */
  record Received(String code, String procedureCode, Channel channel) implements DossierEvent {}

  /** Giải quyết xong: the result was issued; timeliness is EARLY, ON_TIME or LATE. */
  record Solved(String code, String procedureCode, String timeliness) implements DossierEvent {}
}
