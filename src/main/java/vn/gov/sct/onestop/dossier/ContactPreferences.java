package vn.gov.sct.onestop.dossier;

/**
 * Hình thức nhận thông báo: how the applicant chose to be told of their dossier (email; SMS, which also covers
 * Zalo). Chosen in an online submission or on the counter's start form; both yes unless the applicant said no.
 */
public record ContactPreferences(boolean email, boolean sms) {

  public static final ContactPreferences ALL = new ContactPreferences(true, true);
}
