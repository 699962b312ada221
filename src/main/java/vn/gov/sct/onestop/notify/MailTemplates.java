package vn.gov.sct.onestop.notify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The mail texts: Thymeleaf text templates {@code templates/mail/<kind>.txt}, in Vietnamese, which a person edits
 * (or overrides in {@code onestop.notifications.templates-dir}). The first line of a template is the subject, the
 * rest the body. Rendered when the message is written, so a queued message keeps the text it was written with.
 */
@Component
public class MailTemplates {

  /** A rendered mail. */
  public record Mail(String subject, String body) {}

  private final TemplateEngine engine = new TemplateEngine();

  public MailTemplates(NotificationProperties properties) {
    int order = 1;
    if (properties.templatesDir() != null && !properties.templatesDir().isBlank()) {
      FileTemplateResolver files = new FileTemplateResolver();
      configure(files, properties.templatesDir().endsWith("/") ? properties.templatesDir()
          : properties.templatesDir() + "/", order++);
      files.setCheckExistence(true);
      engine.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver();
    configure(shipped, "templates/mail/", order);
    engine.addTemplateResolver(shipped);
  }

  private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
    resolver.setPrefix(prefix);
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setOrder(order);
  }

  public Mail render(String kind, Map<String, Object> variables) {
    String text = engine.process(kind, new Context(Locale.forLanguageTag("vi"), variables)).strip();
    int end = text.indexOf('\n');
    if (end < 0) {
      throw new IllegalStateException("Mail template " + kind + " needs a subject line and a body");
    }
    return new Mail(text.substring(0, end).strip(), text.substring(end + 1).strip() + "\n");
  }
}
