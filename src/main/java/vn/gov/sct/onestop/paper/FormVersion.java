package vn.gov.sct.onestop.paper;

import java.time.LocalDate;

/**
 * A form as one edition of the rules prescribes it: its number ("Mẫu số 01"; null for papers that are no legal
 * form), title, the legal text that prescribes it, and the template it is printed with.
 */
public record FormVersion(PaperKind kind, String edition, LocalDate effectiveFrom, String number, String title,
    String legalBasis, String template) {}
