package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

/** The Cockpit login in the HTTP session, as the web apps store it, is what our staff API reads. */
class CockpitSessionTest {

  @Test
  void a_manager_logged_in_to_cockpit_is_found_in_the_session() {
    MockHttpSession session = new MockHttpSession();
    Authentications authentications = new Authentications();
    UserAuthentication login = new UserAuthentication("quanly", "default");
    login.setGroupIds(List.of("managers"));
    authentications.addOrReplace(login);
    AuthenticationUtil.updateSession(session, authentications);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSession(session);

    assertThat(CockpitSession.user(request, "default")).hasValueSatisfying(user -> {
      assertThat(user.userId()).isEqualTo("quanly");
      assertThat(user.isMemberOfAny(List.of("managers", "board"))).isTrue();
    });
    assertThat(CockpitSession.user(request, "other-engine")).isEmpty();
  }

  @Test
  void no_session_no_user() {
    assertThat(CockpitSession.user(new MockHttpServletRequest(), "default")).isEmpty();
  }
}
