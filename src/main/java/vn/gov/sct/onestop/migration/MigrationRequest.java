package vn.gov.sct.onestop.migration;

/**
 * Which running dossiers to move: the instances of {@code processKey} (a procedure's model or a common model)
 * on {@code sourceVersion}, to {@code targetVersion} (default: the latest). {@code async}: as a Camunda batch run
 * by the job executor, instead of in the request's transaction.
 */
public record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, Boolean async) {}
