package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Issue 8 items 7 and 10, in a real browser, with pages opened directly and by reload: adding a family
 * (kind message by the field, nothing lost), a guide's answer starting on the first phone screen, and every
 * tap target at least 24 px (phone numbers 44 px) on Help now, a guide, the directory and a service page.
 */
class ContentJourneyIT extends BrowserJourney {

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** A 360 x 740 phone screen: the page itself gets exactly that much room (no browser bars to guess). */
    private void phone() {
        driver.manage().window().setSize(new Dimension(360, 900));
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Keeps a picture of the page for people to look at (target/screenshots). */
    private void screenshot(String name) throws java.io.IOException {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aWorkerAddsAFamilyFromThePageOpenedDirectlyAndIsNeverStuck() {
        phone();
        signIn("worker.sam", "green-kettle-morning");
        open("families/new");
        driver.navigate().refresh();
        settle();
        waitForText("Add a family");
        String label = "Family J" + Long.toString(System.nanoTime() % 100_000, 36);
        type("Family label", label);
        type("Child 1: first name or nickname", "Jay </script><!-- \u202e");
        DirectoryPages.press(this, "Add another child");
        DirectoryPages.press(this, "Save family");
        waitForText("Please choose an age band for Jay");
        assertThat(pageText()).doesNotContain("Sorry, something went wrong");
        assertThat(field("Family label").getAttribute("value")).isEqualTo(label);
        assertThat(field("Child 1: first name or nickname").getAttribute("value")).startsWith("Jay </script>");
        // the blank second row can be removed
        DirectoryPages.press(this, "Remove child 2");
        assertThat(driver.findElements(By.cssSelector(".child-row"))).hasSize(1);
        var age = waitFor(By.cssSelector("vaadin-combo-box.child-age input"));
        age.sendKeys("11 to 13");
        age.sendKeys(org.openqa.selenium.Keys.ENTER);
        settle();
        DirectoryPages.press(this, "Save family");
        wait.until(d -> d.getCurrentUrl().contains("/families?added="));
        waitForText(label);
        assertAccessible();
    }

    @Test
    void onAPhoneTheGuideAnswerStartsOnTheFirstScreen() throws Exception {
        phone();
        for (String slug : List.of("strategy-meeting", "child-missing")) {
            open("guides/" + slug);
            driver.navigate().refresh();
            settle();
            waitFor(By.cssSelector(".guide-body p"));
            screenshot("guide-" + slug + "-360x740");
            @SuppressWarnings("unchecked")
            var box = (Map<String, Object>) js().executeScript("""
                    // the answer's first paragraph or point (a "sample content" note is not the answer)
                    const p = [...document.querySelectorAll('.guide-body p, .guide-body li')]
                        .find(e => !e.closest('blockquote') && !e.closest('.sample-note'));
                    const r = p.getBoundingClientRect();
                    return {top: r.top, bottom: r.bottom, screen: window.innerHeight, scrolled: window.scrollY};""");
            assertThat(((Number) box.get("scrolled")).doubleValue()).isZero();
            assertThat(((Number) box.get("bottom")).doubleValue()).as(slug + ": first paragraph of the answer " + box)
                    .isLessThanOrEqualTo(((Number) box.get("screen")).doubleValue());
            // 999 is still on the first screen, above the answer
            @SuppressWarnings("unchecked")
            var danger = (Map<String, Object>) js().executeScript("""
                    const a = document.querySelector('a[href="tel:999"]');
                    const r = a.getBoundingClientRect();
                    return {bottom: r.bottom};""");
            assertThat(((Number) danger.get("bottom")).doubleValue()).isLessThan(((Number) box.get("top")).doubleValue());
        }
    }

    @Test
    void theStrategyMeetingGuideListsHelpForItsTopicFirst() {
        open("guides/strategy-meeting");
        var lines = driver.findElements(By.cssSelector(".help-now li")).stream().map(e -> e.getText()).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.getFirst()).doesNotStartWith("Crimestoppers");
        assertThat(String.join("\n", lines)).doesNotContain("out-of-hours line, open all day and night");
    }

    @Test
    void helpNowSaysEachLinesHoursOnce() {
        open("help-now");
        var cards = driver.findElements(By.cssSelector(".contact")).stream().map(e -> e.getText().toLowerCase()).toList();
        assertThat(cards).isNotEmpty();
        for (String card : cards) {
            assertThat(card.split("all day and night", -1).length - 1).as(card).isLessThanOrEqualTo(1);
            assertThat(card).doesNotContain("out-of-hours line, open all day and night");
        }
    }

    private static final String TARGETS = """
            const out = [];
            const seen = new Set();
            for (const el of document.querySelectorAll('a[href], button, vaadin-button, [role=button], vaadin-checkbox,'
                + ' input, select')) {
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
              if (el.closest('[hidden]') || (el.checkVisibility && !el.checkVisibility({checkVisibilityCSS: true}))) continue;
              if (r.bottom < 0 || r.right < 0 || r.left > window.innerWidth) continue; // off screen (skip links)
              const tel = (el.getAttribute('href') || '').startsWith('tel:');
              const min = tel ? 44 : 24;
              if (r.height < min - 0.5 || r.width < 24 - 0.5) {
                out.push((el.tagName + ' "' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)
                    + '" ' + Math.round(r.width) + 'x' + Math.round(r.height) + (tel ? ' (phone, needs 44)' : '')));
              }
            }
            return out;""";

    @Test
    void everyTapTargetIsBigEnoughOnAPhone() throws Exception {
        phone();
        for (String path : List.of("help-now", "guides/child-missing", "services", "services/emergency-duty-team")) {
            open(path);
            driver.navigate().refresh();
            settle();
            js().executeScript("window.scrollTo(0, 0)");
            @SuppressWarnings("unchecked")
            var small = (List<String>) js().executeScript(TARGETS);
            screenshot("targets-" + path.replace('/', '-') + "-360");
            assertThat(small).as("tap targets smaller than 24 px (phone numbers 44 px) on /" + path).isEmpty();
        }
    }
}
