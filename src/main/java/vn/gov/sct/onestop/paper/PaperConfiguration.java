package vn.gov.sct.onestop.paper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads {@code papers/forms.yaml} on start; a form whose template file is missing stops start-up. */
@Configuration(proxyBeanMethods = false)
public class PaperConfiguration {

  @Bean
  FormCatalog formCatalog() {
    FormCatalog forms = FormCatalog.fromClasspath();
    for (FormVersion form : forms.printable()) {
      if (!PdfRenderer.templateExists(form.template())) {
        throw new PaperDataException(FormCatalog.FILE + ": edition '" + form.edition() + "', form " + form.kind()
            + ": no template papers/templates/" + form.template() + ".html");
      }
    }
    return forms;
  }
}
