/**
 * Trang dịch vụ công: the applicant's pages (procedures, online submission, lookup by code and secret or from
 * the receipt's QR code). Static resources under {@code static/dich-vu-cong/}; this package only serves and
 * protects them. Everything they show comes from the public API.
 */
package vn.gov.sct.onestop.applicant;
