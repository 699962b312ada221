package vn.gov.sct.onestop.online;

/** A rendered result document, ready to download. */
public record ResultDocument(String fileName, String contentType, byte[] content) {}
