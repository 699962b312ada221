package vn.gov.sct.onestop.paper;

/** The forms file or a template is wrong; start-up stops, naming the file and the entry. */
public class PaperDataException extends RuntimeException {

  public PaperDataException(String message) {
    super(message);
  }

  public PaperDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
