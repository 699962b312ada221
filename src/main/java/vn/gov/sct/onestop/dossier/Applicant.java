package vn.gov.sct.onestop.dossier;

/** Tổ chức, cá nhân nộp hồ sơ: who submitted the dossier and how to reach them. */
public record Applicant(String name, String idNumber, String phone, String email, String address) {}
