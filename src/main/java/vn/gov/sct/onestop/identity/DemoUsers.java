package vn.gov.sct.onestop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff, one per role, all with the demo password of the README. Only in the {@code demo} profile,
 * the default of a local run; never in production.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  /** A demo account: login, given name, family name, and groups. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("motcua", "Mai", "Nguyễn Thị", List.of("one-stop")),
      new DemoUser("cv.thuongmai", "Hùng", "Trần Văn", List.of("trade-management")),
      new DemoUser("cv.nangluong", "Lan", "Phạm Thị", List.of("energy-management")),
      new DemoUser("tp.thuongmai", "Minh", "Lê Quang", List.of("trade-management", "trade-management-lead")),
      new DemoUser("tp.nangluong", "Dũng", "Vũ Tiến", List.of("energy-management", "energy-management-lead")),
      new DemoUser("giamdoc", "Thành", "Đỗ Văn", List.of("board", "board-lead")),
      new DemoUser("vanphong", "Hoa", "Bùi Thị", List.of("office")),
      new DemoUser("quanly", "Quân", "Hoàng Minh", List.of("managers")),
      new DemoUser("modeller", "Thảo", "Ngô Phương", List.of(StaffGroups.MODELLERS)));

  private final String password;

  public DemoUsers(@Value("${onestop.demo.password}") String password) {
    this.password = password;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.invalid");
        user.setPassword(password);
        identity.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
    log.warn("DEMO MODE: demo users {} with the demo password, and admin/admin. Do not use in production; "
        + "run with the 'postgres' profile there.", USERS.stream().map(DemoUser::id).toList());
  }
}
