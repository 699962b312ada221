package vn.gov.sct.onestop.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What the engine keeps of a dossier's history (history level {@code full} otherwise): everything except two
 * kinds of rows that no one reads and that were a third of the rows a dossier wrote (BENCHMARKS.md, run 1):
 *
 * <ul>
 *   <li>{@code ACT_HI_DETAIL} rows of variable updates, one per value a variable ever had. The last value of
 *       every variable stays in {@code ACT_HI_VARINST}; who decided what and when is in the user operation log,
 *       the dossier registry with its status changes, the control slip and the SLA events.</li>
 *   <li>{@code ACT_HI_JOB_LOG} rows of a job's creation and deletion. Our jobs are the SLA timers, and most are
 *       deleted unfired when their step is done in time; a timer that fires keeps its success or failure row
 *       (with the exception of a failure), and what it did is in the SLA events.</li>
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

    @Override
    public void handleEvent(HistoryEvent event) {
      // job-log events carry their kind in the state, not in the event type
      if (event instanceof HistoricJobLogEvent log && (log.getState() == JobState.CREATED.getStateCode()
          || log.getState() == JobState.DELETED.getStateCode())) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
