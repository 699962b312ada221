package vn.gov.sct.onestop.migration;

import java.util.List;

/**
 * What a migration plan between two versions of a model means for the running dossiers: the plan's own problems
 * (then nothing can move), the instances that can move and those that cannot, with the engine's reasons; after an
 * execution, how many moved (or the batch that moves them) and which steps got a new due date.
 */
public record MigrationReport(String processKey, int sourceVersion, int targetVersion, List<String> planProblems,
    List<Instance> movable, List<Blocked> blocked, int migrated, String batchId, List<String> retimedSteps) {

  /** A process instance of a dossier (for a common model, the called instance that runs the dossier's phase). */
  public record Instance(String dossierCode, String processInstanceId) {}

  public record Blocked(String dossierCode, String processInstanceId, List<String> reasons) {}
}
