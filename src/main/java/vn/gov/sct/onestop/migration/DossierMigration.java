package vn.gov.sct.onestop.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Moves running dossiers to a new version of a model with Camunda's migration API (the community edition has
 * the API, not Cockpit's screens). The plan maps activities of equal id; timers keep their due dates (no
 * "update event triggers", which would restart every SLA clock at the migration) and {@link StepRetiming} then
 * corrects the steps whose allotment changed. Which instances can move is found by migrating each one in a
 * transaction that is rolled back: the engine's own validation, per dossier, with its reasons.
 *
 * <p>Common models are called by the procedures' models (call activities call the latest version when the phase
 * starts): a dossier in a common phase runs a called instance of that common model, and that instance is what
 * moves; the procedure's own instance stays where it is. Our tables (registry, control slip, SLA events) hold
 * dossier codes and units, not definition ids, so a migration leaves them as they are.
 */
@Component
public class DossierMigration {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TransactionTemplate transactions;
  private final StepRetiming retiming;

  public DossierMigration(RuntimeService runtime, RepositoryService repository,
      TransactionTemplate transactions, StepRetiming retiming) {
    this.runtime = runtime;
    this.repository = repository;
    this.transactions = transactions;
    this.retiming = retiming;
  }

  /** The plan and, per running instance of the source version, whether it can move. Changes nothing. */
  public MigrationReport plan(MigrationRequest request) {
    return evaluate(request, false);
  }

  /** Moves every instance that can move; the others stay on their version and are reported with the reasons. */
  public MigrationReport migrate(MigrationRequest request) {
    return evaluate(request, true);
  }

  /**
   * Retimes the open timed steps of every running instance of the target version (after a batch has moved them,
   * or after the catalog's allotments changed); returns "step@dossier" for each step whose due date changed.
   */
  public List<String> retime(MigrationRequest request) {
    ProcessDefinition target = definition(request.processKey(), request.targetVersion(), "targetVersion");
    List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(target.getId()).list().stream()
        .map(ProcessInstance::getId).toList();
    return transactions.execute(status -> retiming.retime(target.getId(), ids));
  }

  private MigrationReport evaluate(MigrationRequest request, boolean execute) {
    if (request.sourceVersion() == null) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "migration-source-version", "sourceVersion");
    }
    ProcessDefinition source = definition(request.processKey(), request.sourceVersion(), "sourceVersion");
    ProcessDefinition target = definition(request.processKey(), request.targetVersion(), "targetVersion");
    if (source.getVersion() >= target.getVersion()) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "migration-version-order", "targetVersion",
          source.getVersion(), target.getVersion());
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      return new MigrationReport(request.processKey(), source.getVersion(), target.getVersion(),
          planProblems(e), List.of(), List.of(), 0, null, List.of());
    }
    List<MigrationReport.Instance> movable = new ArrayList<>();
    List<MigrationReport.Blocked> blocked = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
      List<String> reasons = tryMigration(plan, instance.getId());
      if (reasons.isEmpty()) {
        movable.add(new MigrationReport.Instance(instance.getBusinessKey(), instance.getId()));
      } else {
        blocked.add(new MigrationReport.Blocked(instance.getBusinessKey(), instance.getId(), reasons));
      }
    }
    int migrated = 0;
    String batchId = null;
    List<String> retimed = List.of();
    List<String> ids = movable.stream().map(MigrationReport.Instance::processInstanceId).toList();
    if (execute && !ids.isEmpty()) {
      if (Boolean.TRUE.equals(request.async())) {
        Batch batch = runtime.newMigration(plan).processInstanceIds(ids).executeAsync();
        batchId = batch.getId();
      } else {
        retimed = transactions.execute(status -> {
          runtime.newMigration(plan).processInstanceIds(ids).execute();
          return retiming.retime(target.getId(), ids);
        });
        migrated = ids.size();
      }
    }
    return new MigrationReport(request.processKey(), source.getVersion(), target.getVersion(), List.of(),
        movable, blocked, migrated, batchId, retimed);
  }

  /** Migrates one instance in a transaction that is always rolled back; the engine's reasons if it refused. */
  private List<String> tryMigration(MigrationPlan plan, String processInstanceId) {
    List<String> reasons = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      try {
        runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        reasons.addAll(e.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport report : e.getValidationReport().getActivityInstanceReports()) {
          report.getFailures().forEach(f -> reasons.add(report.getSourceScopeId() + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport report
            : e.getValidationReport().getTransitionInstanceReports()) {
          report.getFailures().forEach(f -> reasons.add(report.getSourceScopeId() + ": " + f));
        }
      } finally {
        status.setRollbackOnly();
      }
    });
    return reasons;
  }

  private static List<String> planProblems(MigrationPlanValidationException e) {
    List<String> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      report.getFailures().forEach(f -> problems.add(report.getMigrationInstruction() + ": " + f));
    }
    problems.addAll(e.getValidationReport().getVariableReports().values().stream()
        .flatMap(r -> r.getFailures().stream()).toList());
    return problems;
  }

  private ProcessDefinition definition(String key, Integer version, String field) {
    if (key == null || key.isBlank()) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "migration-process-key", "processKey");
    }
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw ApiProblem.field(HttpStatus.NOT_FOUND, "migration-unknown-version", version == null ? "processKey" : field,
          key, version == null ? "" : version);
    }
    return definition;
  }
}
