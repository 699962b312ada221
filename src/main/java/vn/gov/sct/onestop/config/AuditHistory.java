package vn.gov.sct.onestop.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.dossier.DossierTaskNames;
import vn.gov.sct.onestop.review.DossierView;

/**
 * What the engine keeps of a dossier's history (history level {@code full} otherwise): everything except four
 * kinds of rows that no one reads and that were more than a third of the rows a dossier wrote (BENCHMARKS.md,
 * run 1):
 *
 * <ul>
 *   <li>{@code ACT_HI_DETAIL} rows of variable updates, one per value a variable ever had. The last value of
 *       every variable stays in {@code ACT_HI_VARINST}; who decided what and when is in the user operation log,
 *       the dossier registry with its status changes, the control slip and the SLA events.</li>
 *   <li>{@code ACT_HI_JOB_LOG} rows of a job's creation and deletion. Our jobs are the SLA timers, and most are
 *       deleted unfired when their step is done in time; a timer that fires keeps its success or failure row
 *       (with the exception of a failure), and what it did is in the SLA events.</li>
 *   <li>{@code ACT_HI_VARINST} rows of the label variables every user task carries ({@link DossierTaskNames}):
 *       copies of the dossier's own variables, whose history is kept where they were set.</li>
 *   <li>{@code ACT_HI_ACTINST} rows of exclusive, inclusive and parallel gateways: a token passes them in the
 *       same transaction as the activity before, they have no actor and no duration, and the path taken shows
 *       in the activities after them.</li>
 * </ul>
 *
 * <p>A history event handler, not a custom history level, so databases created at level {@code full} keep
 * starting without a change of their stored history level.
 */
@Component
public class AuditHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  static final class Handler extends DbHistoryEventHandler {

    private static final Set<String> PASS_THROUGH_GATEWAYS = Set.of(
        ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL);

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!kept(event)) {
        return;
      }
      super.handleEvent(event);
    }

    /** Decided by the event's kind alone, so the start, update and end events of one row agree. */
    static boolean kept(HistoryEvent event) {
      if (event instanceof HistoricJobLogEvent log) {
        // job-log events carry their kind in the state, not in the event type
        return log.getState() != JobState.CREATED.getStateCode() && log.getState() != JobState.DELETED.getStateCode();
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        // labels and the forms' views of the dossier (documents, fields: copies of our tables) on tasks
        return variable.getTaskId() == null || !DossierTaskNames.isLabel(variable.getVariableName())
            && !DossierView.isView(variable.getVariableName());
      }
      if (event instanceof HistoricActivityInstanceEventEntity activity) {
        return !PASS_THROUGH_GATEWAYS.contains(activity.getActivityType());
      }
      return true;
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
