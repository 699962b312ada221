package vn.gov.sct.onestop.config;

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The models' expressions name our beans ({@code ${slaWarning}}, {@code ${deadlines.stepDue(execution)}},
 * {@code ${taskOutcomes.require(...)}}): this plugin resolves those names to the beans before the engine looks for a
 * process variable of that name. The engine's own order (variables first) loads every variable of the execution and
 * of each execution above it just to learn that no variable is called {@code slaWarning}: a query per scope, on
 * every delegate, listener and timer expression, most visibly when an SLA warning timer fires (issue 18: its work
 * needs no variable at all). It also means a client can no longer replace one of our beans in an expression by
 * sending a variable of the same name. Every other name (variables, {@code execution}, {@code task}, Spring beans
 * of libraries) resolves as before.
 */
@Component
public class OwnBeansFirst extends AbstractProcessEnginePlugin {

  /** Beans whose class is in this package or below are ours. */
  static final String OWN_PACKAGE = "vn.gov.sct.onestop.";

  private final ApplicationContext context;

  public OwnBeansFirst(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()) {
      @Override
      protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new OwnBeanResolver(context));
        resolver.add(super.createElResolver());
        return resolver;
      }
    });
  }

  /** Resolves a top-level name that is one of our beans; leaves everything else to the engine's resolvers. */
  static final class OwnBeanResolver extends ELResolver {

    private final ApplicationContext context;
    /** Our bean names, read once when the first expression is evaluated (all beans exist by then). */
    private volatile Set<String> names;

    OwnBeanResolver(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (base == null && property instanceof String name && ownBeans().contains(name)) {
        elContext.setPropertyResolved(true);
        return context.getBean(name);
      }
      return null;
    }

    Set<String> ownBeans() {
      Set<String> known = names;
      if (known == null) {
        known = Arrays.stream(context.getBeanDefinitionNames()).filter(this::isOwn).collect(Collectors.toUnmodifiableSet());
        names = known;
      }
      return known;
    }

    private boolean isOwn(String beanName) {
      Class<?> type = context.getType(beanName, false);
      return type != null && type.getName().startsWith(OWN_PACKAGE);
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      // beans are read-only in expressions; the engine's resolvers answer for everything else
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      return base == null && property instanceof String name && ownBeans().contains(name);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return Object.class;
    }
  }
}
