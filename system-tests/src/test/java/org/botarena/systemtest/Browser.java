package org.botarena.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (no downloads: Selenium Manager is not
 * asked), with the flags STACK.md lists for this machine's closed network.
 */
final class Browser implements AutoCloseable {

  final WebDriver driver;
  private final String base;
  private final Path profile;

  Browser(String base) throws Exception {
    this.base = base;
    profile = Files.createTempDirectory("arena-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("arena.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    // the console, for the Content-Security-Policy's refusals
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("arena.chromedriver", "/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /**
   * What the Content-Security-Policy refused since the last call (Chromium logs each refusal to the
   * console: "Refused to execute inline script because it violates ...").
   */
  List<String> policyRefusals() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  /** Opens a page of the portal, e.g. {@code signin.xhtml}. */
  Browser open(String path) {
    driver.get(base + "/" + path);
    return this;
  }

  WebElement find(String id) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no #" + id + " on " + driver.getCurrentUrl() + "; the page:\n" + driver.getPageSource(),
          e);
    }
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  void type(String id, String text) {
    WebElement field = find(id);
    field.clear();
    field.sendKeys(text);
  }

  void click(String id) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
  }

  /**
   * Clicks; an element replaced by an ajax update meanwhile (a table refreshed by a search) is
   * found again.
   */
  void click(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.elementToBeClickable(by))
            .click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Waits until the page shows {@code text} somewhere. */
  void waitForText(String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> d.getPageSource().contains(text));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no '"
              + text
              + "' on "
              + driver.getCurrentUrl()
              + "; the page:\n"
              + driver.getPageSource(),
          e);
    }
  }

  /**
   * Waits until element {@code id}'s attribute {@code name} (e.g. {@code data-state}) is {@code
   * value}.
   */
  void waitForAttribute(String id, String name, String value) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> value.equals(find(id).getAttribute(name)));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "#"
              + id
              + " has "
              + name
              + "='"
              + find(id).getAttribute(name)
              + "', not '"
              + value
              + "', on "
              + driver.getCurrentUrl()
              + "; the page says: "
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  String source() {
    return driver.getPageSource();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  void signOutByCookies() {
    driver.manage().deleteAllCookies();
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
