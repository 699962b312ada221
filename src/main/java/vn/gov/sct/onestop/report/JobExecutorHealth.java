package vn.gov.sct.onestop.report;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the engine's job executor (timers: step warnings, apology duty, supplement time limits), shown beside
 * the database as {@code jobAcquisition} under /actuator/health: DOWN when the job executor should run but is not
 * active or its acquisition thread has died; UP with {@code enabled: false} on a node configured without it.
 */
@Component("jobAcquisitionHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngineConfigurationImpl engineConfiguration, CamundaBpmProperties properties) {
    this.engineConfiguration = engineConfiguration;
    this.enabled = properties.getJobExecution().isEnabled();
  }

  @Override
  public Health health() {
    JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
    if (!enabled) {
      return Health.up().withDetail("enabled", false).build();
    }
    if (jobExecutor == null) {
      return Health.down().withDetail("enabled", true).withDetail("reason", "no job executor").build();
    }
    boolean active = jobExecutor.isActive();
    Thread acquisition = acquisitionThread(jobExecutor);
    boolean alive = acquisition != null && acquisition.isAlive();
    Health.Builder health = active && alive ? Health.up() : Health.down();
    return health.withDetail("enabled", true)
        .withDetail("active", active)
        .withDetail("acquisitionThreadAlive", alive)
        .withDetail("acquisitionThread", acquisition == null ? "none" : acquisition.getName())
        .withDetail("lockOwner", String.valueOf(jobExecutor.getLockOwner()))
        .build();
  }

  /** The engine keeps the acquisition thread in a protected field and offers no getter. */
  private static Thread acquisitionThread(JobExecutor jobExecutor) {
    try {
      Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
      field.setAccessible(true);
      return (Thread) field.get(jobExecutor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
