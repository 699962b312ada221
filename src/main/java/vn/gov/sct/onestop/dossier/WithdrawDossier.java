package vn.gov.sct.onestop.dossier;

import org.springframework.stereotype.Component;

/** Service task {@code withdrawDossier}: the applicant withdrew, or did not supplement in time. */
@Component("withdrawDossier")
public class WithdrawDossier extends StopDossier {

  public WithdrawDossier(DossierRegistry registry) {
    super(registry, DossierStatus.WITHDRAWN, Outcome.WITHDRAWN, false);
  }
}
