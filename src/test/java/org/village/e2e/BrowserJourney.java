package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.IntegrationTest;

/**
 * Base for Selenium journeys: Debian's headless Chromium and chromedriver (never Selenium Manager),
 * a fresh profile per test, helpers that wait for Vaadin to settle (no sleeps), and an axe-core check
 * that fails on any serious or critical accessibility violation.
 */
public abstract class BrowserJourney extends IntegrationTest {

    static final String CHROMIUM = Browsers.CHROMIUM;
    static final String CHROMEDRIVER = Browsers.CHROMEDRIVER;

    @LocalServerPort
    protected int port;

    protected WebDriver driver;
    protected WebDriverWait wait;

    /**
     * When a journey fails, keeps what the browser showed at that moment (before the browser is closed): a
     * screenshot in target/screenshots and the address and page text in the test output, so a failure on CI can be
     * understood without running it again.
     */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestExecutionExceptionHandler keepEvidence = (context, thrown) -> {
        keepEvidence(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        throw thrown;
    };

    private void keepEvidence(String name) {
        if (driver == null) {
            return;
        }
        try {
            var dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve("failed-" + name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            String text = pageText();
            System.out.printf("JOURNEY-FAILED %s at %s%n--- page text ---%n%s%n--- end ---%n", name, driver.getCurrentUrl(),
                    text == null ? "" : text.substring(0, Math.min(3000, text.length())));
        } catch (Exception | AssertionError e) {
            System.out.println("JOURNEY-FAILED " + name + " (no evidence: " + e.getClass().getSimpleName() + ")");
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skip.e2e"), "browser journeys skipped (-Dskip.e2e=true)");
        driver = Browsers.start(1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient journeyJdbc;

    /**
     * Urgent alerts that earlier tests raised and left waiting show to every worker on duty, as they would in real
     * life, and the banner takes up to 40% of a phone's screen. Journeys about something else start without them;
     * the journeys about urgent alerts raise their own after this.
     */
    @BeforeEach
    void noLeftoverUrgentAlerts() {
        journeyJdbc.sql("UPDATE urgent_alert SET acknowledged_at = UTC_TIMESTAMP(6), ack_millis = 0, due_at = NULL"
                + " WHERE acknowledged_at IS NULL").update();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Opens a portal page and waits until Vaadin has finished talking to the server. */
    protected void open(String path) {
        driver.get(url(path));
        settle();
    }

    protected void phoneSize() {
        driver.manage().window().setSize(new Dimension(360, 800));
    }

    /** Waits until the page has loaded and no Vaadin request is running. */
    protected void settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (document.readyState !== 'complete') return false;"
                        + "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return true;"
                        + "return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    protected WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void waitForText(String text) {
        wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("return document.body.innerText")).contains(text));
    }

    protected String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    /** Types into a Vaadin field found by its label text (inputs are in the light DOM). */
    protected void type(String label, String value) {
        var field = field(label);
        field.clear();
        field.sendKeys(value);
    }

    /** A field by its label, scrolled to the middle of the screen first, as a person would scroll to it. */
    protected WebElement field(String label) {
        var by = By.xpath("//*[self::vaadin-text-field or self::vaadin-password-field or self::vaadin-text-area"
                + " or self::vaadin-email-field or self::vaadin-integer-field]"
                + "[./label[normalize-space(.)=\"" + label + "\"]]//input | "
                + "//*[self::vaadin-text-area][./label[normalize-space(.)=\"" + label + "\"]]//textarea");
        var element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return waitFor(by);
    }

    /**
     * Clicks a button or link by its text, scrolled to the middle of the screen first: on a 360 px phone the
     * sticky quick-exit and help bars cover the bottom edge, and a real person would scroll before tapping.
     */
    protected void click(String buttonText) {
        clickWhenReady(By.xpath(
                "//vaadin-button[normalize-space(.)=\"" + buttonText + "\"] | //a[normalize-space(.)=\"" + buttonText + "\"]"));
        settle();
    }

    /**
     * Finds the element, scrolls it to the middle of the screen and clicks it, trying again until the click lands. A
     * live refresh may draw a list again between finding a button and clicking it, and an overlay (a select's list)
     * may still be moving into place: Chrome then refuses the click ("not interactable", "intercepted") and nothing
     * was clicked, so trying again cannot click twice.
     */
    public void clickWhenReady(By where) {
        wait.until(d -> {
            try {
                var element = d.findElement(where);
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
                    | org.openqa.selenium.ElementNotInteractableException e) {
                return false;
            }
        });
    }

    /**
     * Chooses {@code item} in the open list of the {@code vaadin-select} with this id, then waits until the select
     * shows it. The item is clicked where it is, not at a point on the screen: a list still sliding open on a phone
     * once took a click at a point for the item next to it.
     */
    protected void chooseInOpenSelect(String selectId, String item) {
        var js = (JavascriptExecutor) driver;
        By where = By.xpath("//vaadin-select-item[normalize-space(.)='" + item + "']");
        wait.until(d -> {
            try {
                var element = d.findElement(where);
                if (!element.isDisplayed()) {
                    return false;
                }
                js.executeScript("arguments[0].click()", element);
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
        wait.until(d -> item.equals(js.executeScript("const s = document.getElementById(arguments[0]);"
                + " const v = s && s.querySelector('vaadin-select-value-button');"
                + " return v ? v.textContent.trim() : null", selectId)));
        settle();
    }

    protected void signIn(String username, String password) {
        open("login");
        driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        // either signed in (away from /login) or sent back with a reason (?error, ?locked, ?slow, ?disabled)
        wait.until(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("/login?"));
        settle();
    }

    protected void signOut() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Nothing on the page scrolls sideways: not the page itself, and not any visible grid inside itself
     * (a grid whose columns do not fit would scroll within its own box). Waits for the grids to settle
     * into their narrow layout, which they choose after measuring themselves in the browser.
     */
    protected void assertNoSidewaysScroll() {
        settle();
        var js = (JavascriptExecutor) driver;
        try {
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(SIDEWAYS + "return overflow().length === 0;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat((List<?>) js.executeScript(SIDEWAYS + "return overflow();"))
                    .as("things that scroll sideways on " + driver.getCurrentUrl()).isEmpty();
        }
        settle();
    }

    private static final String SIDEWAYS = """
            const overflow = () => {
              const found = [];
              if (document.documentElement.scrollWidth > window.innerWidth) {
                found.push('page: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
              }
              // the page's own scrollers too: the app layout scrolls its content itself, so a page wider than the
              // screen shows there, not on the document (a scroller narrower than most of the screen, a code block or
              // a table that scrolls on purpose, is left alone)
              const layout = document.querySelector('vaadin-app-layout');
              const scrollers = layout ? [layout, ...layout.shadowRoot.querySelectorAll('*'), ...layout.querySelectorAll('*')] : [];
              for (const e of scrollers) {
                const x = getComputedStyle(e).overflowX;
                if ((x === 'auto' || x === 'scroll') && e.clientWidth >= window.innerWidth * 0.8
                    && e.scrollWidth > e.clientWidth + 1) {
                  // and what reaches past its edge (the innermost three), to say what to mend
                  const edge = e.getBoundingClientRect().right + 1;
                  const within = e.getRootNode() instanceof ShadowRoot ? layout : e; // a part's content is slotted
                  const past = [...within.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right > edge
                      && ![...c.children].some(k => k.getBoundingClientRect().right > edge)).slice(0, 3)
                      .map(c => c.localName + (c.id ? '#' + c.id : '') + ' "' + (c.textContent || '').trim().slice(0, 40) + '"');
                  found.push('scroller ' + (e.id || e.getAttribute('part') || e.localName) + ': ' + e.scrollWidth + ' > ' + e.clientWidth
                      + (past.length ? ' (past the edge: ' + past.join(', ') + ')' : ''));
                }
              }
              for (const g of document.querySelectorAll('vaadin-grid')) {
                const t = g.$ && g.$.table;
                if (g.offsetParent !== null && t && t.scrollWidth > t.clientWidth + 1) {
                  found.push('grid ' + (g.accessibleName || g.id) + ': ' + t.scrollWidth + ' > ' + t.clientWidth);
                }
              }
              return found;
            };
            """;

    /** No serious or critical axe-core violations on the page as it is now. */
    protected void assertAccessible() {
        settle();
        var results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(bad).as(() -> "axe violations on " + driver.getCurrentUrl() + ":\n" + bad.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " -> " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
