package vn.gov.sct.onestop.catalog;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} when the engine starts: one deployment per top folder, named
 * {@code processes/<folder>}. A folder whose files are all unchanged since its last deployment is not
 * deployed again (no new versions); a folder with any changed file is deployed whole, so that a BPMN
 * file and the forms it references with {@code camunda:formRefBinding="deployment"} stay together.
 */
@Component
public class ProcessModelDeployer extends AbstractProcessEnginePlugin {

  static final String SOURCE = "onestop-processes";
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final ProcessModels models;

  public ProcessModelDeployer(ProcessModels models) {
    this.models = models;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine);
  }

  /** Deploys every changed folder and returns how many deployments were made. */
  public int deploy(ProcessEngine engine) {
    int made = 0;
    for (Map.Entry<String, List<ProcessModels.ModelFile>> folder : models.byFolder().entrySet()) {
      DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
          .name(ProcessModels.ROOT + folder.getKey())
          .source(SOURCE)
          .enableDuplicateFiltering(false);
      for (ProcessModels.ModelFile file : folder.getValue()) {
        builder.addInputStream(file.path(), new ByteArrayInputStream(file.content()));
      }
      Set<String> before = deploymentIds(engine, ProcessModels.ROOT + folder.getKey());
      String after = builder.deploy().getId();
      if (before.contains(after)) {
        log.info("{}{} unchanged since deployment {}", ProcessModels.ROOT, folder.getKey(), after);
      } else {
        made++;
        log.info("Deployed {}{} ({} files) as deployment {}", ProcessModels.ROOT, folder.getKey(),
            folder.getValue().size(), after);
      }
    }
    return made;
  }

  /**
   * The folder's deployments so far. When nothing changed, the engine answers with the latest deployment of the
   * name, which may be a modeller's (source "Camunda Modeler"), not ours: the engine's duplicate filter compares
   * per name and source, so our unchanged folder is not deployed over a model deployed from Modeler.
   */
  private static Set<String> deploymentIds(ProcessEngine engine, String name) {
    return engine.getRepositoryService().createDeploymentQuery().deploymentName(name).list().stream()
        .map(Deployment::getId).collect(Collectors.toSet());
  }

}
