package vn.gov.sct.onestop.catalog;

/** The procedure catalog is inconsistent or a lookup names something it does not hold. */
public class CatalogException extends RuntimeException {

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
