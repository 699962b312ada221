package vn.gov.sct.onestop.dossier;

/** No dossier with that code in the registry. */
public class DossierNotFoundException extends RuntimeException {

  public DossierNotFoundException(String code) {
    super("No dossier with code " + code);
  }
}
