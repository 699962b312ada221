package vn.gov.sct.onestop.dossier;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables that carry a dossier through the models, shared by the BPMN files, the
 * forms and the Java code. Read the BPMN with this list beside it.
 */
public final class DossierVariables {

  public static final String DOSSIER_CODE = "dossierCode";
  public static final String PROCEDURE_CODE = "procedureCode";
  public static final String PROCEDURE_NAME = "procedureName";
  public static final String RESPONSIBLE_DIVISION = "responsibleDivision";
  public static final String CHANNEL = "channel";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_ADDRESS = "applicantAddress";
  /** The applicant's contact preferences (booleans; absent: yes): notifications by email, by SMS and Zalo. */
  public static final String NOTIFY_BY_EMAIL = "notifyByEmail";
  public static final String NOTIFY_BY_SMS = "notifyBySms";
  /** When the dossier, or its last supplement, arrived: the legal clock counts from here. */
  public static final String ARRIVED_AT = "arrivedAt";
  public static final String RECEIVED_AT = "receivedAt";
  /** The legal due date (ngày hẹn trả kết quả) on the receipt. */
  public static final String DUE_AT = "dueAt";
  public static final String DEADLINE_DAYS = "deadlineDays";
  /** ACCEPT, SUPPLEMENT or REFUSE: the one-stop clerk's completeness decision. */
  public static final String RECEPTION_DECISION = "receptionDecision";
  public static final String RECEPTION_NOTE = "receptionNote";
  public static final String SUPPLEMENT_DEADLINE = "supplementDeadline";
  /** ACCEPTED, REFUSED or WITHDRAWN: how reception ended, returned to the procedure. */
  public static final String RECEPTION_OUTCOME = "receptionOutcome";
  public static final String SPECIALIST = "specialist";
  /** Whether the procedure needs a site inspection before appraisal (catalog flag, set at registration). */
  public static final String SITE_INSPECTION_REQUIRED = "siteInspectionRequired";
  public static final String INSPECTION_DATE = "inspectionDate";
  public static final String INSPECTION_TEAM = "inspectionTeam";
  /** PASSED or FAILED: the outcome of the site inspection. */
  public static final String INSPECTION_RESULT = "inspectionResult";
  /** Biên bản kiểm tra: the inspection minutes, the reason of a refusal after a failed inspection. */
  public static final String INSPECTION_MINUTES = "inspectionMinutes";
  /** APPROVE, REFUSE or SUPPLEMENT: what the specialist proposes after appraisal. */
  public static final String APPRAISAL_PROPOSAL = "appraisalProposal";
  public static final String APPRAISAL_NOTE = "appraisalNote";
  /** APPROVE or SEND_BACK: the department leader's decision. */
  public static final String LEADER_DECISION = "leaderDecision";
  public static final String LEADER_NOTE = "leaderNote";
  public static final String DOCUMENT_NUMBER = "documentNumber";
  /** When the applicant was asked to supplement during appraisal: the legal clock stands still from here. */
  public static final String PAUSED_AT = "pausedAt";
  /** Form 04: why the dossier is late, and the new appointment date. */
  public static final String APOLOGY_REASON = "apologyReason";
  public static final String NEW_DUE_AT = "newDueAt";

  private DossierVariables() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().trim();
  }

  public static String requiredText(VariableScope scope, String name) {
    String value = text(scope, name);
    if (value == null || value.isEmpty()) {
      throw new MissingVariableException(name);
    }
    return value;
  }

  public static Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new MissingVariableException(name);
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new IllegalArgumentException("Variable '" + name + "' must be a date, not " + value.getClass().getSimpleName());
  }

  public static void setInstant(VariableScope scope, String name, Instant value) {
    scope.setVariable(name, Date.from(value));
  }
}
