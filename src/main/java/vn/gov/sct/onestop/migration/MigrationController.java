package vn.gov.sct.onestop.migration;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.identity.StaffGroups;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Staff API for administrators (group {@code camunda-admin}): the migration plan of running dossiers between
 * two versions of a model, and its execution. Nobody else may call it: it changes every dossier of a procedure.
 */
@RestController
public class MigrationController {

  private final DossierMigration migration;
  private final IdentityService identity;

  public MigrationController(DossierMigration migration, IdentityService identity) {
    this.migration = migration;
    this.identity = identity;
  }

  /** Which dossiers can move and which cannot, and why; nothing changes. */
  @PostMapping(value = "/api/v1/migrations/plan", produces = MediaType.APPLICATION_JSON_VALUE)
  public MigrationReport plan(@RequestBody MigrationRequest request) {
    requireAdministrator();
    return migration.plan(request);
  }

  /** Moves the dossiers that can move (synchronously, or as a batch with {@code "async": true}). */
  @PostMapping(value = "/api/v1/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
  public MigrationReport migrate(@RequestBody MigrationRequest request) {
    requireAdministrator();
    return migration.migrate(request);
  }

  /** After a batch: the open timed steps of the target version's dossiers get the catalog's due dates. */
  @PostMapping(value = "/api/v1/migrations/retime", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, List<String>> retime(@RequestBody MigrationRequest request) {
    requireAdministrator();
    return Map.of("retimedSteps", migration.retime(request));
  }

  private void requireAdministrator() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(StaffGroups.ADMINS)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
  }
}
