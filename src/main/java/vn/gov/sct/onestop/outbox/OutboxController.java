package vn.gov.sct.onestop.outbox;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.identity.StaffGroups;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Operators' outbox endpoints, for managers and administrators only (403 for everyone else): the dead messages
 * and their retry (the Cockpit dashboard's block), and the reconciliation of a channel.
 */
@RestController
@RequestMapping("/api/v1/outbox")
public class OutboxController {

  private final OutboxOperations operations;
  private final IdentityService identity;

  public OutboxController(OutboxOperations operations, IdentityService identity) {
    this.operations = operations;
    this.identity = identity;
  }

  @GetMapping("/dead")
  public List<DeadMessage> dead() {
    requireOperator();
    return operations.dead();
  }

  @PostMapping("/dead/{id}/retry")
  public Map<String, Object> retry(@PathVariable long id) {
    requireOperator();
    if (!operations.retry(id)) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "outbox-message-not-dead", id);
    }
    return Map.of("id", id, "status", "PENDING");
  }

  /** e.g. {@code /api/v1/outbox/unacknowledged?channel=PORTAL}: dossiers whose last status the portal lacks. */
  @GetMapping("/unacknowledged")
  public List<UnacknowledgedDossier> unacknowledged(@RequestParam(defaultValue = "PORTAL") String channel) {
    requireOperator();
    OutboxChannel parsed;
    try {
      parsed = OutboxChannel.valueOf(channel);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.field(HttpStatus.BAD_REQUEST, "outbox-channel-unknown", "channel", channel);
    }
    return operations.unacknowledged(parsed);
  }

  private void requireOperator() {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(StaffGroups.MANAGERS) && !groups.contains(StaffGroups.ADMINS)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
  }
}
