package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A parent on a 360 px phone opens the forum straight from the address and again after a reload, starts a topic
 * with hostile text (shown as text, nothing runs), loses nothing when the page reloads while typing, and a second
 * parent reads the topic. axe on every page.
 */
class ForumJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void nothingRan() {
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    }

    private String value(String id) {
        return (String) js("return document.getElementById('" + id + "').value");
    }

    @Test
    void aParentStartsATopicWithHostileTextKeepsTheDraftThroughAReloadAndAnotherParentReadsIt() {
        phoneSize();
        signIn("parent.a", "sunny-garden-path");
        open("forum");
        waitFor(By.id("forum-who-can-read"));
        assertThat(pageText()).contains("only signed-in families and staff", "Introductions", "Police and court");
        assertAccessible();
        driver.navigate().refresh();
        settle();
        waitFor(By.id("forum-who-can-read"));
        assertNoSidewaysScroll();

        long introductions = jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
        open("forum/new?category=" + introductions);
        String title = "Journey topic " + Hostile.RIGHT_TO_LEFT;
        String body = "Journey body " + Hostile.EVERYTHING + " [tap me](" + Hostile.JAVASCRIPT_URL + ")";
        type("Title", title);
        type("Your post", body);
        settle();
        assertAccessible();

        // the page reloads (or the connection drops) while typing: the draft comes back into the box
        driver.navigate().refresh();
        settle();
        wait.until(d -> body.equals(value("forum-body")));
        assertThat(value("forum-title")).isEqualTo(title);
        settle(); // the restored text reaches the server like typed text

        click("Preview");
        waitFor(By.cssSelector("#forum-preview .post-body"));
        assertThat(driver.findElement(By.id("forum-preview")).getText()).contains(Hostile.VISIBLE_MARK);
        nothingRan();
        assertAccessible();

        click("Post topic");
        wait.until(d -> d.getCurrentUrl().contains("/forum/topic/"));
        settle();
        String topicUrl = driver.getCurrentUrl();
        waitForText("Journey body");
        assertThat(pageText()).contains(Hostile.VISIBLE_MARK);
        assertThat(driver.findElements(By.cssSelector(".post-body a[href^='javascript']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".post-body img, .post-body script"))).isEmpty();
        nothingRan();
        assertAccessible();
        driver.navigate().refresh();
        settle();
        waitForText("Journey body");
        nothingRan();
        assertNoSidewaysScroll();

        // posted: the draft is gone
        open("forum/new?category=" + introductions);
        waitFor(By.id("forum-body"));
        assertThat(value("forum-body")).isEmpty();

        signOut();
        signIn("parent.b", "warm-cup-of-tea");
        driver.get(topicUrl);
        settle();
        waitForText("Journey body");
        assertThat(pageText()).contains("Sunflower", Hostile.VISIBLE_MARK);
        assertThat(pageText()).doesNotContain("Family A");
        nothingRan();
        assertAccessible();
    }
}
