package vn.gov.sct.onestop.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which step issues which paper: when one of these service tasks of the common models ends, its paper is issued
 * ({@link PaperIssuer}), in the same transaction as the step. Attached when the models are parsed, so the models
 * carry no listener of ours and a modeller's change to them cannot lose a paper silently: a renamed step is caught
 * by {@code PaperStepsTest}.
 */
@Component
public class PaperSteps extends AbstractProcessEnginePlugin {

  /** Service task id → the paper it issues. */
  static final Map<String, PaperKind> STEPS = Map.of(
      "acceptDossier", PaperKind.RECEIPT,
      "requestSupplement", PaperKind.SUPPLEMENT_REQUEST,
      "requestAppraisalSupplement", PaperKind.SUPPLEMENT_REQUEST,
      "refuseDossier", PaperKind.REFUSAL,
      "recordApology", PaperKind.APOLOGY,
      "recordResult", PaperKind.RESULT_COPY);

  /** Looked up when a step ends: the engine's plugins are built before the beans the issuer needs. */
  private final ObjectProvider<PaperIssuer> issuer;

  public PaperSteps(ObjectProvider<PaperIssuer> issuer) {
    this.issuer = issuer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        PaperKind kind = STEPS.get(activity.getId());
        if (kind != null) {
          activity.addListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) execution -> issuer.getObject().issue(kind, execution));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
