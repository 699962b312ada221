package vn.gov.sct.onestop.catalog;

/** A model file under processes/ does not parse or breaks one of our modelling rules. */
public class ModelCheckException extends RuntimeException {

  public ModelCheckException(String message) {
    super(message);
  }

  public ModelCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
