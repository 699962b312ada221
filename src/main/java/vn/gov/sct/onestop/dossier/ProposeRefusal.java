package vn.gov.sct.onestop.dossier;

import static vn.gov.sct.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code proposeRefusal}: the site inspection failed; the proposal to the leader is a reasoned
 * refusal whose reason is the inspection minutes (biên bản kiểm tra).
 */
@Component("proposeRefusal")
public class ProposeRefusal implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(APPRAISAL_PROPOSAL, "REFUSE");
    execution.setVariable(APPRAISAL_NOTE, "Không đạt khi kiểm tra thực tế. Biên bản kiểm tra: "
        + requiredText(execution, INSPECTION_MINUTES));
  }
}
