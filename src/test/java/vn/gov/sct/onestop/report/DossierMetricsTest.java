package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.EngineTestSupport;

/** Counters move only with committed steps; gauges follow the registry; the job executor reports its state. */
class DossierMetricsTest extends EngineTestSupport {

  @Autowired MeterRegistry meters;
  @Autowired DossierMetrics metrics;
  @Autowired JobExecutorHealth jobExecutorHealth;
  @Autowired TransactionTemplate transactions;

  @Test
  void a_received_and_solved_dossier_counts_once_and_a_rolled_back_receipt_not_at_all() {
    clockAt("2026-06-15T08:00");
    double received = count("onestop.dossiers.received", "channel", "online");
    double early = count("onestop.dossiers.solved", "result", "early");

    String rolledBack = runtimeService.startProcessInstanceByKey("promotionRegistration",
        vars("applicantName", "Công ty Hoàn Tác", "channel", "ONLINE")).getBusinessKey();
    transactions.executeWithoutResult(status -> {
      complete(rolledBack, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
      status.setRollbackOnly();
    });
    assertThat(count("onestop.dossiers.received", "channel", "online")).isEqualTo(received);

    complete(rolledBack, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));
    assertThat(count("onestop.dossiers.received", "channel", "online")).isEqualTo(received + 1);

    metrics.refresh();
    double inProcess = meters.get("onestop.dossiers.in.process").tag("procedure", "promotion-registration")
        .gauge().value();
    assertThat(inProcess).isGreaterThanOrEqualTo(1);

    complete(rolledBack, "assignSpecialist", "tp.thuongmai", vars("specialist", "cv.thuongmai"));
    complete(rolledBack, "appraiseDossier", "cv.thuongmai", vars("appraisalProposal", "APPROVE"));
    complete(rolledBack, "approveResult", "giamdoc", vars("leaderDecision", "APPROVE"));
    complete(rolledBack, "issueResult", "vanphong", vars("documentNumber", "7/XNKM-SCT"));
    assertThat(count("onestop.dossiers.solved", "result", "early")).isEqualTo(early + 1);
    metrics.refresh();
    assertThat(meters.get("onestop.dossiers.in.process").tag("procedure", "promotion-registration").gauge().value())
        .isEqualTo(inProcess - 1);
  }

  @Test
  void job_executor_health_is_up_and_says_it_is_disabled_on_a_node_without_it() {
    // the tests run with camunda.bpm.job-execution.enabled=false
    assertThat(jobExecutorHealth.health().getStatus()).isEqualTo(Status.UP);
    assertThat(jobExecutorHealth.health().getDetails()).containsEntry("enabled", false);
  }

  private double count(String name, String tag, String value) {
    Counter counter = meters.find(name).tag("procedure", "promotion-registration").tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }
}
