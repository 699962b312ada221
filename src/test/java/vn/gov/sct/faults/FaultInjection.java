package vn.gov.sct.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster harness's fault switch, never in the packaged application: a test class that the harness puts on
 * the nodes' class path ({@code loader.path} of Spring Boot's PropertiesLauncher) and adds as a source
 * ({@code --spring.main.sources}). Every service task gets a start listener that throws while a file named after
 * the task's id exists in {@code onestop.faults.directory}: the harness creates the file (the cause) and deletes it
 * (the fix), the same for every node. Outside this package's own scan, so no test context picks it up.
 */
@Configuration(proxyBeanMethods = false)
public class FaultInjection {

  @Bean
  AbstractProcessEnginePlugin failingServiceTasks(@Value("${onestop.faults.directory}") String directory) {
    Path switches = Path.of(directory);
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
          @Override
          public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String id = activity.getId();
            activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
              if (Files.exists(switches.resolve(id))) {
                throw new IllegalStateException("Fault injected by the cluster harness into " + id
                    + " (the receiver is down)");
              }
            });
          }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
      }
    };
  }
}
