package vn.gov.sct.onestop.dossier;

import org.springframework.stereotype.Component;

/** Service task {@code refuseDossier}: not received, with the reasons of the clerk's note (form 03). */
@Component("refuseDossier")
public class RefuseDossier extends StopDossier {

  public RefuseDossier(DossierRegistry registry) {
    super(registry, DossierStatus.NOT_RECEIVED, Outcome.REFUSED, true);
  }
}
