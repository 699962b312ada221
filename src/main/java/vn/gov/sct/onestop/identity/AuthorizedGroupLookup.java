package vn.gov.sct.onestop.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Puts {@link AuthorizedGroupLookupManager} where the engine takes its authorization manager from: a custom session
 * factory for the session type {@link AuthorizationManager}. The engine registers its own factories first and the
 * custom ones after them, keyed by session type (ProcessEngineConfigurationImpl.initSessionFactories), so this one
 * replaces the engine's. The engine's {@code GenericManagerFactory} cannot be used for it: it keys a factory by the
 * implementation class, which would add a second session type instead of replacing the first.
 */
@Component
public class AuthorizedGroupLookup extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroupLookupManager();
    }
  }
}
