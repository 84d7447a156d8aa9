package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, item 5: both skip links work on every page, with the keyboard only, on pages opened directly
 * (Vaadin's {@code <base href>} once turned "#main-content" into the home page). Tab from the top of the
 * page reaches "Skip to main content" first: Enter moves the focus to the page's main content and stays on
 * the page. The next Tab reaches "Skip to exit this page": Enter leaves the portal.
 */
class SkipLinksJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void skipLinksWorkWithTheKeyboardOnPagesOpenedDirectly() {
        String guide = jdbc.sql("SELECT slug FROM guide WHERE published_at IS NOT NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        String service = jdbc.sql("SELECT slug FROM dir_service WHERE withdrawn_at IS NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        driver.get(NeutralSite.url() + "?start");
        for (String path : List.of("help-now", "guides/" + guide, "guides/search?q=missing", "services/" + service, "")) {
            open(path);
            tab();
            assertThat(focused()).as("first Tab on /" + path).isEqualTo("Skip to main content");
            enter();
            assertThat(driver.getCurrentUrl()).as("Skip to main content stays on /" + path).isEqualTo(url(path));
            assertThat(((JavascriptExecutor) driver).executeScript("return document.activeElement.id"))
                    .as("focus after Skip to main content on /" + path).isEqualTo("main-content");

            driver.navigate().refresh();
            settle();
            tab();
            tab();
            assertThat(focused()).as("second Tab on /" + path).isEqualTo("Skip to exit this page");
            enter();
            wait.until(d -> d.getCurrentUrl().startsWith(NeutralSite.url()) && !d.getCurrentUrl().contains("start"));
        }
        // and on a staff page, signed in: the skip link also ends the session
        signIn("worker.alex", "blue-river-stones");
        open("families");
        tab();
        tab();
        assertThat(focused()).isEqualTo("Skip to exit this page");
        enter();
        wait.until(d -> d.getCurrentUrl().startsWith(NeutralSite.url()) && !d.getCurrentUrl().contains("start"));
        open("families");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    private void tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    private void enter() {
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        settle();
    }

    private String focused() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return (document.activeElement.textContent || '').trim()"));
    }
}
