package vn.gov.sct.onestop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;

/** Reads the model files and the catalog once, on start; an inconsistency stops start-up. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

  static final String CATALOG = ProcessModels.ROOT + "procedures.yaml";

  @Bean
  ProcessModels processModels() {
    return ProcessModels.fromClasspath();
  }

  /**
   * The catalog shipped in processes/ unless {@code onestop.catalog.location} names another file (a test of a
   * procedure not shipped, or a catalog kept outside the jar).
   */
  @Bean
  ProcedureCatalog procedureCatalog(ProcessModels models,
      @Value("${onestop.catalog.location:classpath:" + CATALOG + "}") Resource location) {
    ProcedureCatalog catalog;
    try (InputStream in = location.getInputStream()) {
      catalog = ProcedureCatalog.load(location.getFilename(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the catalog " + location, e);
    }
    catalog.requireModels(models.processIds());
    return catalog;
  }
}
