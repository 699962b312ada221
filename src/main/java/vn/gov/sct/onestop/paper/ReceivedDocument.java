package vn.gov.sct.onestop.paper;

/**
 * One line of the receipt's list of documents received.
 *
 * @param paperForm "Bản chính", "Bản sao chứng thực", "Bản sao", "Bản điện tử"; null when not known
 * @param copies number of copies; null when not known
 */
public record ReceivedDocument(String name, boolean required, String paperForm, Integer copies, String note) {}
