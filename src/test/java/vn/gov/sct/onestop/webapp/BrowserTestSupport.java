package vn.gov.sct.onestop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.sct.onestop.TestDatabase;

/**
 * Base of the end-to-end tests in a real browser: the whole application (demo profile, H2 in memory, job
 * executor off) on a random port, driven through the Debian packages {@code chromium} and
 * {@code chromium-driver} in headless mode. Nothing is downloaded at test time: the driver and the browser
 * are given by path (system properties {@code webdriver.chrome.driver} and {@code onestop.browser.binary},
 * set by the Maven profile {@code browser}), so Selenium Manager never runs.
 *
 * <p>One browser per test class. Each step's screenshot goes to {@code target/browser-screenshots/}; a failed
 * test leaves {@code FAILED-<test>.png}, the page source ({@code .html}) and the browser console
 * ({@code .console.log}) there too.
 *
 * <p>The helpers work for every Camunda web app ({@code tasklist}, {@code cockpit}, {@code admin},
 * {@code welcome}): they share one login page and one header. {@link TasklistBrowserIT} is the clerk's story;
 * {@link CockpitBrowserIT} is the place for the managers' dashboard.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    // the outbox tests drive their dispatcher; a cached context polling the same database would send their rows
    "onestop.outbox.auto-dispatch=false",
    "spring.main.banner-mode=off"
})
@ExtendWith(BrowserTestSupport.FailureArtifacts.class)
public abstract class BrowserTestSupport {

  protected static final String DEMO_PASSWORD = "demo";
  protected static final Duration WAIT = Duration.ofSeconds(30);

  protected static WebDriver driver;
  protected static Path screenshots;
  private static boolean screenshotsCleared;

  @LocalServerPort protected int port;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    String binary = System.getProperty("onestop.browser.binary", "/usr/bin/chromium");
    for (String path : List.of(driverPath, binary)) {
      if (!new File(path).canExecute()) {
        throw new IllegalStateException(path + " is missing: install the Debian packages chromium and "
            + "chromium-driver (apt-get install -y chromium chromium-driver); see docs/browser-test.md");
      }
    }
    System.setProperty("webdriver.chrome.driver", driverPath);
    screenshots = Path.of(System.getProperty("onestop.browser.screenshots", "target/browser-screenshots"));
    if (!screenshotsCleared) {
      // evidence of this run only: no screenshot or failure file of an earlier run is left to mislead
      if (Files.isDirectory(screenshots)) {
        try (var files = Files.list(screenshots)) {
          for (Path file : files.toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
      screenshotsCleared = true;
    }
    Files.createDirectories(screenshots);

    Path profile = Files.createTempDirectory("onestop-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    // the machine's network is closed: no background connections, no component or sync downloads
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=vi");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", "vi,vi-VN");
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driverPath))
        .usingAnyFreePort()
        // the staff's time zone, so that Tasklist shows dates as a clerk in Hải Phòng sees them
        .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh"))
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @BeforeEach
  void signedOutWithEmptyStorage(TestInfo info) {
    // every test starts on a clean session: no login cookie, no remembered language
    driver.get(baseUrl() + "/camunda/app/welcome/default/");
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The start URL of a Camunda web app: tasklist, cockpit, admin or welcome. */
  protected String appUrl(String app) {
    return baseUrl() + "/camunda/app/" + app + "/default/";
  }

  // ---- login and logout (the same in every web app) ----------------------------------------------------

  protected static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  protected static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
  protected static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
  protected static final By ACCOUNT_MENU = By.cssSelector("li.account a.dropdown-toggle");
  protected static final By LOGOUT = By.cssSelector("li.account li.logout a");

  /** Opens the login page of the app and waits for the form. */
  protected void openLogin(String app) {
    driver.get(appUrl(app) + "#/login");
    visible(USERNAME);
  }

  /** Logs in on the app's login page (opening it unless it is open) and waits for the header with the user. */
  protected void login(String app, String user) {
    login(app, user, DEMO_PASSWORD);
  }

  /** The same with a password of its own (the demo administrator's). */
  protected void login(String app, String user, String password) {
    if (!driver.getCurrentUrl().startsWith(appUrl(app))
        || driver.findElements(USERNAME).stream().noneMatch(WebElement::isDisplayed)) {
      openLogin(app);
    }
    signIn(user, password);
    try {
      visible(ACCOUNT_MENU);
    } catch (org.openqa.selenium.TimeoutException stillSignedOut) {
      // right after a logout the app may redraw the form it shows, and what was typed into the old one is lost (seen
      // once in a full run: the sign-in went out empty): a fresh login page, once more
      openLogin(app);
      signIn(user, password);
      visible(ACCOUNT_MENU);
    }
    waitUntil("the login form is gone", d -> d.findElements(USERNAME).stream().noneMatch(WebElement::isDisplayed));
  }

  private static void signIn(String user, String password) {
    type(USERNAME, user);
    type(PASSWORD, password);
    click(SIGN_IN);
  }


  /** Logs out through the account menu of the header and waits for the login form. */
  protected void logout() {
    click(ACCOUNT_MENU);
    click(LOGOUT);
    visible(USERNAME);
  }

  // ---- waiting and acting ------------------------------------------------------------------------------

  protected static final String CHECKLIST_REVIEWED = "Đã đối chiếu thành phần hồ sơ với danh mục trên";
  /** The boxes of the first checkbox group, "Giấy tờ đã nhận". */
  /** The "Đã nhận" box of each document row of the checklist (rows past the procedure's documents are not drawn). */
  protected static final By RECEIVED_BOXES = By.cssSelector(
      ".fjs-form input[type=checkbox][id*='Field_checklistDoc'][id$='Received']");

  /** Ticks "Đã nhận" of every document of the checklist (the preset form and one copy each) and the confirmation. */
  protected static void fillChecklist() {
    List<WebElement> received = waitUntil("the checklist's documents", d -> {
      List<WebElement> found = d.findElements(RECEIVED_BOXES);
      return found.isEmpty() ? null : found;
    });
    for (WebElement box : received) {
      scrollIntoView(box);
      if (!box.isSelected()) {
        box.click();
      }
    }
    waitUntil("every document is ticked", d -> d.findElements(RECEIVED_BOXES).stream().allMatch(WebElement::isSelected));
    // (a required field's label ends with form-js's asterisk)
    WebElement confirm = visible(By.xpath("//*[contains(@class,'fjs-form')]//label[contains(normalize-space(.), "
        + xpathLiteral(CHECKLIST_REVIEWED) + ")]"));
    scrollIntoView(confirm);
    confirm.click();
  }

  /** Types a value into a field of the completeness form, found by its key (form-js ids end with the component id). */
  protected static void typeInChecklist(String key, String value) {
    WebElement input = visible(By.cssSelector(".fjs-form input[id$='Field_" + key + "']"));
    scrollIntoView(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(value);
    waitUntil(key + " reads " + value, d -> value.equals(input.getDomProperty("value")));
  }

  /** Chooses an option of a select of the completeness form (form-js draws its own list, not a native select). */
  protected static void chooseInChecklist(String key, String label) {
    click(By.cssSelector(".fjs-form [id$='Field_" + key + "-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=" + xpathLiteral(label) + "]"));
    waitUntil(key + " shows " + label, d -> label.equals(d.findElement(
        By.cssSelector(".fjs-form [id$='Field_" + key + "-display']")).getText().strip()));
  }

  protected static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(200));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  protected static WebElement visible(By by) {
    return waiting().withMessage("visible: " + by).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  protected static <T> T waitUntil(String what, Function<WebDriver, T> condition) {
    return waiting().withMessage(what).until(condition);
  }

  protected static void click(By by) {
    WebElement element = waiting().withMessage("clickable: " + by).until(ExpectedConditions.elementToBeClickable(by));
    scrollIntoView(element);
    element.click();
  }

  protected static void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  protected static void type(By by, String text) {
    WebElement element = visible(by);
    element.clear();
    element.sendKeys(text);
  }

  /** XPath literal of any text (Vietnamese labels never hold both quote kinds). */
  protected static String xpathLiteral(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  /** An element of that tag whose whole, trimmed text is exactly the label. */
  protected static By withText(String tag, String label) {
    return By.xpath("//" + tag + "[normalize-space(.)=" + xpathLiteral(label) + "]");
  }

  // ---- evidence ----------------------------------------------------------------------------------------

  /** Writes target/browser-screenshots/{step}.png of the whole browser window. */
  protected static Path screenshot(String step) {
    Path file = screenshots.resolve(step + ".png");
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** On failure: screenshot, page source and browser console of the moment, named after the test. */
  static class FailureArtifacts implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (driver == null || screenshots == null) {
        return;
      }
      String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
          + context.getRequiredTestMethod().getName();
      try {
        screenshot(name);
      } catch (RuntimeException e) {
        // the browser may be gone; keep what can be kept
      }
      try {
        Files.writeString(screenshots.resolve(name + ".html"),
            "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
      } catch (IOException | WebDriverException e) {
        // as above
      }
      try {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        Files.writeString(screenshots.resolve(name + ".console.log"),
            entries.stream().map(LogEntry::toString).collect(Collectors.joining("\n")), StandardCharsets.UTF_8);
      } catch (IOException | WebDriverException e) {
        // as above
      }
      System.err.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot, page source and "
          + "console under " + screenshots.toAbsolutePath() + "/" + name + ".*");
    }
  }

  protected static void assertVietnameseText(String what, String text) {
    assertThat(text).as(what + " in Vietnamese").matches("(?s).*[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị"
        + "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ].*");
  }
}
