package vn.gov.sct.onestop.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.Dossier;

/** Who gets a notification and the values every template shares; staff addresses come from the engine's users. */
@Component
public class Recipients {

  private final IdentityService identity;
  private final ProcedureCatalog catalog;
  private final DateTimeFormatter dates;

  public Recipients(IdentityService identity, ProcedureCatalog catalog, WorkingCalendar calendar) {
    this.identity = identity;
    this.catalog = catalog;
    ZoneId zone = calendar.zone();
    this.dates = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(zone);
  }

  /** The values of the dossier that every template may use. */
  Map<String, Object> values(Dossier d) {
    Map<String, Object> values = new HashMap<>();
    values.put("code", d.code());
    // a registry row of a procedure no longer in the catalog (an import) is still told its code
    values.put("procedureName", catalog.findByCode(d.procedureCode()).map(p -> p.nameVi()).orElse(d.procedureCode()));
    values.put("applicantName", d.applicant().name());
    values.put("receivedAt", date(d.receivedAt()));
    values.put("dueAt", date(d.dueAt()));
    values.put("online", d.channel() == Channel.ONLINE);
    return values;
  }

  String date(Instant instant) {
    return instant == null ? "" : dates.format(instant);
  }

  String unitName(String unit) {
    return catalog.division(unit).name();
  }

  /** The email address of a staff user, if the user has one. */
  String emailOfUser(String userId) {
    User user = systemRead(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
  }

  /** The email addresses of a group's members. */
  List<String> emailsOfGroup(String groupId) {
    return systemRead(() -> identity.createUserQuery().memberOfGroup(groupId).list()).stream().map(User::getEmail)
        .filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().sorted().toList();
  }

  /**
   * A read the system makes, not the signed-in user: a head who assigns a dossier may not be allowed to read the
   * specialist's user entry, but the specialist must still be told. Inside the engine's command (a listener), the
   * command's authorization check is off for the read only.
   */
  private static <T> T systemRead(Supplier<T> read) {
    CommandContext command = Context.getCommandContext();
    if (command == null || !command.isAuthorizationCheckEnabled()) {
      return read.get();
    }
    command.disableAuthorizationCheck();
    try {
      return read.get();
    } finally {
      command.enableAuthorizationCheck();
    }
  }
}
