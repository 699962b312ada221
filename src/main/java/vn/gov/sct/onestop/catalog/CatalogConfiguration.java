package vn.gov.sct.onestop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** Reads the model files and the catalog once, on start; an inconsistency stops start-up. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

  static final String CATALOG = ProcessModels.ROOT + "procedures.yaml";

  @Bean
  ProcessModels processModels() {
    return ProcessModels.fromClasspath();
  }

  @Bean
  ProcedureCatalog procedureCatalog(ProcessModels models) {
    ProcedureCatalog catalog;
    try (InputStream in = new ClassPathResource(CATALOG).getInputStream()) {
      catalog = ProcedureCatalog.load(CATALOG, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + CATALOG, e);
    }
    catalog.requireModels(models.processIds());
    return catalog;
  }
}
