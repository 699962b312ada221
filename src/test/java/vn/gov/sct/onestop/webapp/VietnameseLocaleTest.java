package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Vietnamese translation of the Camunda 7 web apps against the English labels shipped in
 * the camunda-webapp-webjar: every key of the shipped en.json must exist in our vi.json, no
 * Vietnamese value may be empty (unless the English one is), and every {{placeholder}} must be
 * kept. Also checks that each app's overriding scripts/config.js offers 'vi' and falls back to
 * 'en'.
 */
class VietnameseLocaleTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("['\"]?availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest(name = "{0}: vi.json covers the shipped en.json")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseLabelsCoverEnglishLabels(String app) throws IOException {
    String path = APP_ROOT + app + "/locales/";
    JsonNode en = readJson(shippedResource(path + "en.json"));
    URL viUrl = ownResource(path + "vi.json");
    assertThat(viUrl).as("%s: our %svi.json on the classpath", app, path).isNotNull();
    JsonNode vi = readJson(viUrl);

    List<String> problems = new ArrayList<>();
    compare("", en, vi, problems);

    assertThat(problems)
        .as("%s: %d problem(s) in vi.json compared with the shipped en.json", app, problems.size())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}: config.js offers vi")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersVietnamese(String app) throws IOException {
    URL url = ownResource(APP_ROOT + app + "/scripts/config.js");
    assertThat(url).as("%s: our scripts/config.js on the classpath", app).isNotNull();
    String code = withoutComments(read(url));

    Matcher m = AVAILABLE_LOCALES.matcher(code);
    assertThat(m.find()).as("%s: config.js sets locales.availableLocales", app).isTrue();
    List<String> locales = new ArrayList<>();
    for (String item : m.group(1).split(",")) {
      String locale = item.trim().replaceAll("^['\"]|['\"]$", "");
      if (!locale.isEmpty()) {
        locales.add(locale);
      }
    }
    assertThat(locales).as("%s: availableLocales in config.js", app).contains("vi", "en");
    assertThat(code)
        .as("%s: config.js keeps English as fallback locale", app)
        .containsPattern("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]en['\"]");
    // Vietnamese first whatever the browser's language: the shared module, imported before anything else
    assertThat(code.strip()).as("%s: config.js first imports the shared language module", app)
        .startsWith("import '../../onestop/prefer-vietnamese.js';");
    assertThat(ownResource(APP_ROOT + "onestop/prefer-vietnamese.js")).as("the shared language module").isNotNull();
  }

  // ---------------------------------------------------------------------------------------------

  private void compare(String path, JsonNode en, JsonNode vi, List<String> problems) {
    if (en.isObject()) {
      if (vi == null || !vi.isObject()) {
        problems.add("missing or not an object: " + display(path));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode viChild = vi.get(field.getKey());
        if (viChild == null || viChild.isNull()) {
          problems.add("missing key: " + childPath);
        } else {
          compare(childPath, field.getValue(), viChild, problems);
        }
      }
    } else if (en.isArray()) {
      if (vi == null || !vi.isArray() || vi.size() != en.size()) {
        problems.add("not an array of " + en.size() + " entries: " + display(path));
        return;
      }
      for (int i = 0; i < en.size(); i++) {
        compare(path + "[" + i + "]", en.get(i), vi.get(i), problems);
      }
    } else if (en.isTextual()) {
      if (!vi.isTextual()) {
        problems.add("not a text value: " + path);
        return;
      }
      // en.json itself leaves a few labels empty on purpose (e.g. tasklist NO_TASK_FORM), and its
      // plural suffix "s" (cockpit PLGN_*_S) has no Vietnamese counterpart.
      boolean pluralSuffix = "s".equals(en.asText());
      if (vi.asText().isBlank() && !en.asText().isBlank() && !pluralSuffix) {
        problems.add("empty value: " + path);
        return;
      }
      List<String> expected = placeholders(en.asText());
      List<String> actual = placeholders(vi.asText());
      if (!expected.equals(actual)) {
        problems.add(
            "placeholder mismatch: " + path + " expects " + expected + " but has " + actual);
      }
    } else if (vi.getNodeType() != en.getNodeType()) {
      problems.add("value type differs (" + en.getNodeType() + " expected): " + path);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    Collections.sort(found);
    return found;
  }

  private static String display(String path) {
    return path.isEmpty() ? "(root)" : path;
  }

  private JsonNode readJson(URL url) throws IOException {
    // Jackson detects and skips the UTF-8 byte order mark the shipped files start with.
    try (InputStream in = url.openStream()) {
      return mapper.readTree(in);
    }
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String withoutComments(String js) {
    String noBlocks = js.replaceAll("(?s)/\\*.*?\\*/", "");
    StringBuilder out = new StringBuilder();
    for (String line : noBlocks.split("\n")) {
      if (!line.trim().startsWith("//")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** The copy of a resource inside the Camunda webjar (our resources share the same path). */
  private static URL shippedResource(String name) throws IOException {
    for (URL url : resources(name)) {
      if (isFromWebjar(url)) {
        return url;
      }
    }
    throw new AssertionError("shipped " + name + " not found in camunda-webapp-webjar");
  }

  /** Our own copy of a resource (src/main/resources), not the one inside the webjar. */
  private static URL ownResource(String name) throws IOException {
    for (URL url : resources(name)) {
      if (!isFromWebjar(url)) {
        return url;
      }
    }
    return null;
  }

  private static List<URL> resources(String name) throws IOException {
    return Collections.list(VietnameseLocaleTest.class.getClassLoader().getResources(name));
  }

  private static boolean isFromWebjar(URL url) {
    return url.toString().contains("camunda-webapp-webjar");
  }
}
