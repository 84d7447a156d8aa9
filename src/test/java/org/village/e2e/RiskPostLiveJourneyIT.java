package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestText;
import org.village.TestAccounts;

/**
 * The whole risk path of issue 10 through real browsers, with nothing raised by hand: a worker first on the rota is
 * signed in on Today in one browser; in another, a parent on a phone posts a new topic that says someone is in danger.
 * The parent sees 999 first and help now, calmly, with their words kept; the worker's screen shows the urgent item
 * live, without a reload; the worker acknowledges it and the time from post to acknowledgement is kept. Other parents
 * never see the held post. Axe on every page in both browsers.
 */
class RiskPostLiveJourneyIT extends BrowserJourney {

    static final String WORKER_PASSWORD = "green-kettle-morning"; // worker.sam's, copied
    static final String PARENT_PASSWORD = "sunny-garden-path"; // parent.a's, copied

    @Autowired
    JdbcClient jdbc;

    private final List<WebDriver> others = new ArrayList<>();
    private List<Object[]> savedRota;
    private String workerName;
    private String workerDisplay;
    private String parentName;

    @BeforeEach
    void aWorkerFirstOnTheRotaAndANewParent() {
        String suffix = Long.toString(System.nanoTime(), 36);
        workerName = "risk.worker." + suffix;
        workerDisplay = "Risk " + suffix;
        long worker = TestAccounts.copy(jdbc, "worker.sam", workerName, workerDisplay, "WORKER");
        parentName = "risk.parent." + suffix;
        TestAccounts.copy(jdbc, "parent.a", parentName, "Fern " + suffix, "PARENT");
        savedRota = jdbc.sql("SELECT id, account_id, position, always_on, hours FROM duty_rota_entry")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5)})
                .list();
        jdbc.sql("INSERT INTO duty_rota_entry (account_id, position, always_on, hours, changed_at) "
                + "SELECT ?, COALESCE(MIN(position), 0) - 1, TRUE, '', NOW(6) FROM duty_rota_entry").param(worker).update();
    }

    @AfterEach
    void putTheRotaBackAndCloseBrowsers() {
        for (WebDriver d : others) {
            d.quit();
        }
        jdbc.sql("DELETE FROM duty_rota_entry").update();
        for (var row : savedRota) {
            jdbc.sql("INSERT INTO duty_rota_entry (id, account_id, position, always_on, hours, changed_at) "
                    + "VALUES (?, ?, ?, ?, ?, NOW(6))").params(row).update();
        }
    }

    private void use(WebDriver browser) {
        driver = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private long introductions() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    @Test
    void aRiskPostReachesTheWorkerOnDutyLiveAndTheWriterSees999First() throws Exception {
        // the worker, in the first browser, on Today (opened directly and reloaded)
        signIn(workerName, WORKER_PASSWORD);
        open("today");
        driver.navigate().refresh();
        settle();
        waitFor(By.id("today-urgent"));
        assertThat(driver.findElements(By.cssSelector("#urgent-banner [data-alert]"))).isEmpty();
        // the worker's page notes the moment the urgent item appears (both browsers read this machine's clock)
        ((JavascriptExecutor) driver).executeScript("window.__seenAt = null; new MutationObserver(() => {"
                + " if (!window.__seenAt && document.querySelector('#urgent-banner [data-alert]')) window.__seenAt = Date.now();"
                + " }).observe(document.body, {subtree: true, childList: true, attributes: true});");
        WebDriver workerBrowser = driver;

        // a parent, in another browser, on a phone
        others.add(workerBrowser);
        startBrowser();
        WebDriver parentBrowser = driver;
        phoneSize();
        signIn(parentName, PARENT_PASSWORD);
        open("forum/new?category=" + introductions());
        waitFor(By.id("forum-body"));
        String unique = TestText.letters(8);
        String body = "Someone is banging on the door and my daughter is scared " + unique + " " + Hostile.SCRIPT_END;
        type("Title", "Please help tonight " + unique);
        type("Your post", body);
        settle();
        long clickedAt = ((Number) ((JavascriptExecutor) driver).executeScript("return Date.now()")).longValue();
        click("Post topic");

        // the writer: 999 first, help now, words kept
        var notice = waitFor(By.id("forum-new-notice"));
        wait.until(d -> notice.getText().contains("999"));
        String text = notice.getText();
        assertThat(text.indexOf("999")).as("999 comes first").isLessThan(text.indexOf("A worker is reading your post now"));
        assertThat(notice.findElements(By.cssSelector("a[href^='tel:']")).getFirst().getAttribute("href")).isEqualTo("tel:999");
        assertThat((String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('forum-body').value"))
                .isEqualTo(body);
        assertNoSidewaysScroll();
        assertAccessible();

        // the worker's screen shows it live, without a reload
        use(workerBrowser);
        new WebDriverWait(workerBrowser, Duration.ofSeconds(15)).until(d ->
                !d.findElements(By.cssSelector("#urgent-banner [data-alert]")).isEmpty());
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.__seenAt") != null);
        long postToScreenMs = ((Number) ((JavascriptExecutor) driver).executeScript("return window.__seenAt")).longValue()
                - clickedAt;
        System.out.println("BENCH risk post (click in the parent's browser) to the worker's screen ms=" + postToScreenMs);
        assertThat(postToScreenMs).as("post to the worker's screen").isLessThan(5_000);
        assertThat(driver.findElement(By.id("urgent-banner")).isDisplayed()).isTrue();
        assertAccessible();

        long postId = jdbc.sql("SELECT id FROM forum_post WHERE body LIKE ?").param("%banging on the door and my daughter is scared "
                + unique + "%").query(Long.class).single();
        long caseId = jdbc.sql("SELECT id FROM moderation_case WHERE subject_kind = 'forum-post' AND subject_id = ? AND kind = 'URGENT'")
                .param(postId).query(Long.class).single();
        long alertId = jdbc.sql("SELECT id FROM urgent_alert WHERE case_id = ?").param(caseId).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM forum_post WHERE id = ?").param(postId).query(String.class).single())
                .as("held, not published, until a worker decides").isEqualTo("HELD");

        // "I'm looking at it": the time from post to acknowledgement is kept
        var ack = waitFor(By.cssSelector("#urgent-banner [data-alert='" + alertId + "'] vaadin-button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", ack);
        settle();
        wait.until(d -> d.findElements(By.cssSelector("#urgent-banner [data-alert='" + alertId + "']")).isEmpty());
        Long millis = jdbc.sql("SELECT ack_millis FROM urgent_alert WHERE id = ?").param(alertId).query(Long.class).single();
        assertThat(millis).isNotNull().isPositive();

        // another parent never sees the held post
        use(parentBrowser);
        signOut();
        signIn("parent.b", "warm-cup-of-tea");
        open("forum/category/" + introductions());
        settle();
        assertThat(pageText()).doesNotContain("Please help tonight " + unique);
    }
}
