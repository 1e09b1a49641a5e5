package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo's flashes in a real browser: Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver. The page sends JSON requests in the background right after each
 * redirect, and a button queues a flash through one of them. Each flash must show exactly once.
 *
 * <p>Runs on WildFly only, because one server is enough to test the page's scripts. It fails,
 * never skips, when Chromium or chromedriver is missing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
class FlashBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "screenshots", "demo-flash.png");

    static final String HOME = "app/";
    static final String WELCOME = "Welcome!";
    static final String REMINDER = "This reminder was queued by a background request.";
    static final String SIGNED_OUT = "You are signed out.";

    /**
     * Maximum wait for a page load or a fetch. Each wait ends as soon as the DOM is ready, so a
     * fast server waits less.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @ArquillianResource
    URL base;

    @TempDir
    Path profile;

    ChromeDriver driver;
    WebDriverWait wait;

    /** Session cookie values the browser held, to check that the server log shows none of them. */
    final Set<String> sessionValues = new TreeSet<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo("browser", Map.of());
    }

    @BeforeEach
    void startBrowser() {
        assertInstalled(CHROMIUM, "Chromium");
        assertInstalled(CHROMEDRIVER, "chromedriver");

        // An explicit driver and browser binary, so that Selenium Manager never runs or downloads anything.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1000, 1000));
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    static void assertInstalled(Path executable, String name) {
        assertThat(Files.isExecutable(executable))
                .as("%s is missing at %s: install the Debian packages chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver), as .ci/run does", name, executable)
                .isTrue();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void welcomeFlashShowsOnceAfterLogin() throws IOException {
        open(HOME);
        login();

        assertThat(texts(".notification.is-success")).containsExactly(WELCOME);
        assertThat(texts("[data-flash]")).containsExactly(WELCOME);
        assertThat(driver.findElement(By.cssSelector(".notification.is-success")).getCssValue("background-color"))
                .as("background of the flash, which only Bulma's stylesheet sets")
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(awaitDone("background")).isEqualTo("Background request: signed in as alice.");
        saveScreenshot();

        reload();

        assertThat(texts("[data-flash]")).isEmpty();
        assertThat(awaitDone("background")).isEqualTo("Background request: signed in as alice.");
        assertNoSessionValueInServerLog();
    }

    @Test
    void flashQueuedInBackgroundShowsOnNextPage() {
        open(HOME);
        login();
        awaitDone("background");
        reload();
        awaitDone("background");

        driver.findElement(By.id("remind")).click();
        String queued = awaitDone("reminder");

        assertThat(queued).isEqualTo("Queued a warning flash: reload the page to see it.");
        assertThat(texts("[data-flash]")).isEmpty();

        reload();
        List<String> nextPage = texts("[data-flash]");
        List<String> warnings = texts(".notification.is-warning");
        awaitDone("background");
        reload();

        assertThat(nextPage).containsExactly(REMINDER);
        assertThat(warnings).containsExactly(REMINDER);
        assertThat(texts("[data-flash]")).isEmpty();
        assertNoSessionValueInServerLog();
    }

    @Test
    void logoutShowsSignedOutFlash() {
        open(HOME);
        login();
        awaitDone("background");
        Optional<String> signedIn = sessionCookie();

        WebElement signOut = driver.findElement(By.id("sign-out"));
        signOut.click();
        awaitNewPage(signOut);

        assertThat(driver.findElement(By.id("user")).getText()).isEqualTo("You are a guest.");
        assertThat(texts(".notification.is-info")).containsExactly(SIGNED_OUT);
        assertThat(texts("[data-flash]")).containsExactly(SIGNED_OUT);
        assertThat(awaitDone("background")).isEqualTo("Background request: you are a guest.");
        assertThat(signedIn).isPresent();
        assertThat(sessionCookie()).as("session cookie after logout").isNotEqualTo(signedIn);
        assertNoSessionValueInServerLog();
    }

    void open(String path) {
        driver.get(base + path);
        recordSessionValue();
    }

    void reload() {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.navigate().refresh();
        awaitNewPage(page);
    }

    /** Waits until the browser replaced the given page and loaded the next one. */
    void awaitNewPage(WebElement oldPage) {
        wait.until(browser -> isGone(oldPage));
        wait.until(browser -> "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
        recordSessionValue();
    }

    /**
     * Tells whether an element belongs to a page the browser has left. While the next page
     * replaces it, Chromium may report the element's node as not belonging to the document
     * instead of as stale, so that counts as gone too.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs in through the form. The controller redirects to the home page. */
    void login() {
        driver.findElement(By.name("password")).sendKeys("wonderland");
        WebElement signIn = driver.findElement(By.id("sign-in"));
        signIn.click();
        awaitNewPage(signIn);

        assertThat(driver.findElement(By.id("user")).getText()).isEqualTo("Signed in as alice.");
    }

    /** Waits until the page script marked the element done, and returns its text. */
    String awaitDone(String id) {
        By element = By.cssSelector("#" + id + "[data-done='true']");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(element)).getText();
    }

    List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    void saveScreenshot() throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Returns the value of the browser's session cookie, which WebDriver reads although it is HttpOnly. */
    Optional<String> sessionCookie() {
        return Optional.ofNullable(driver.manage().getCookieNamed(Browser.SESSION_COOKIE)).map(Cookie::getValue);
    }

    void recordSessionValue() {
        sessionCookie().ifPresent(sessionValues::add);
    }

    void assertNoSessionValueInServerLog() {
        List<String> lines = ServerLog.lines();

        assertThat(sessionValues).as("session cookie values the browser held").isNotEmpty();
        for (String value : sessionValues) {
            assertThat(lines).as("server log lines with a whole session value").noneMatch(line -> line.contains(value));
        }
    }
}
