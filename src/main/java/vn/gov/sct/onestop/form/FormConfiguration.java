package vn.gov.sct.onestop.form;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.catalog.ProcessModels;

/** Reads the procedures' start forms once, on start; a form the API cannot follow stops start-up. */
@Configuration(proxyBeanMethods = false)
public class FormConfiguration {

  @Bean
  ApplicationForms applicationForms(ProcessModels models, ProcedureCatalog catalog) {
    return ApplicationForms.read(models, catalog);
  }

  @Bean
  FieldValidator fieldValidator(WorkingCalendar calendar) {
    return new FieldValidator(calendar.zone());
  }
}
