package vn.gov.sct.onestop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The engine settings chosen from the benchmark (BENCHMARKS.md): the history removal time is set when a dossier
 * starts (start + time to live), so no history row is rewritten when it ends; JDBC batching is on; the history
 * keeps the last value of every variable but not each update, nor the tasks' label copies nor gateways
 * (AuditHistory).
 */
class EngineTuningTest extends EngineTestSupport {

  @Test
  void history_removal_time_is_written_at_the_start_from_the_time_to_live() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("start");

    clockAt("2026-03-09T08:00");
    String code = submit("promotionRegistration", "Công ty TNHH Lưu Trữ").getBusinessKey();

    HistoricProcessInstance running = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(code).processDefinitionKey("promotionRegistration").singleResult();
    assertThat(running.getEndTime()).isNull();
    assertThat(running.getRemovalTime()).isNotNull();
    assertThat(Duration.between(running.getStartTime().toInstant(), running.getRemovalTime().toInstant()))
        .isEqualTo(Duration.ofDays(1825));
  }

  @Test
  void jdbc_statements_are_batched() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJdbcBatchProcessing()).isTrue();
  }

  @Test
  void history_keeps_the_last_value_of_a_variable_and_the_operation_log_but_no_update_details() {
    clockAt("2026-03-09T08:00");
    String code = submit("promotionRegistration", "Công ty TNHH Lịch Sử").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    String reception = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("reception").singleResult().getId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(reception)
        .variableName("receptionDecision").singleResult().getValue()).isEqualTo("ACCEPT");
    assertThat(historyService.createHistoricDetailQuery().variableUpdates().count()).isZero();
    assertThat(historyService.createUserOperationLogQuery().operationType("Complete").count()).isPositive();
    // the SLA timers of checkCompleteness were created and deleted unfired: no job-log rows for them
    assertThat(historyService.createHistoricJobLogQuery().creationLog().count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().deletionLog().count()).isZero();
  }

  @Test
  void history_skips_the_label_copies_on_tasks_and_the_gateways_a_token_passes() {
    clockAt("2026-03-09T08:00");
    String code = submit("promotionRegistration", "Công ty TNHH Nhãn").getBusinessKey();
    Task check = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    // the task carries its labels, and the dossier's own variables have their history
    assertThat(taskService.getVariablesLocal(check.getId())).containsEntry("dossierCode", code)
        .containsKeys("procedureName", "applicantName");
    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(check.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("applicantName").list())
        .extracting(HistoricVariableInstance::getValue).contains("Công ty TNHH Nhãn");

    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    // the reception's decision gateway left no row; the task and service task after it did
    String reception = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("reception").singleResult().getId();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(reception).list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains("checkCompleteness", "acceptDossier", "dossierAccepted")
        .doesNotContain("reviewJoin", "completenessDecision");
  }
}
