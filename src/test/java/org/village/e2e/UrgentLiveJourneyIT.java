package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.TestAccounts;
import org.village.moderation.RiskKind;
import org.village.moderation.Subject;
import org.village.moderation.UrgentRaised;

/**
 * A worker on duty, live: signing in lands on Today (opened directly and reloaded too); an urgent case raised while
 * the page is open shows on the screen without a reload, in a banner with role=alert that leaves the quick exit
 * uncovered on a phone; "I'm looking at it" records the time and the Today page lists it as looked at. The rota page
 * refuses hostile hours kindly and keeps what was typed. A parent cannot open either page by its address. Axe on
 * every page, with the banner showing.
 */
class UrgentLiveJourneyIT extends BrowserJourney {

    static final String PASSWORD = "green-kettle-morning"; // worker.sam's, copied
    private static final AtomicLong CASES = new AtomicLong(8_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    private String username;
    private String displayName;
    private long worker;
    private List<Object[]> savedRota;

    @BeforeEach
    void aWorkerFirstOnTheRota() {
        String suffix = Long.toString(System.nanoTime(), 36);
        username = "live.worker." + suffix;
        displayName = "Live " + suffix;
        worker = TestAccounts.copy(jdbc, "worker.sam", username, displayName, "WORKER");
        savedRota = jdbc.sql("SELECT id, account_id, position, always_on, hours FROM duty_rota_entry")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5)})
                .list();
        jdbc.sql("INSERT INTO duty_rota_entry (account_id, position, always_on, hours, changed_at) "
                + "SELECT ?, COALESCE(MIN(position), 0) - 1, TRUE, '', NOW(6) FROM duty_rota_entry").param(worker).update();
    }

    @AfterEach
    void putTheRotaBack() {
        jdbc.sql("UPDATE urgent_alert SET acknowledged_at = NOW(6), due_at = NULL WHERE case_id > 8000000000 "
                + "AND case_id < 9000000000 AND acknowledged_at IS NULL").update();
        jdbc.sql("DELETE FROM duty_rota_entry").update();
        for (var row : savedRota) {
            jdbc.sql("INSERT INTO duty_rota_entry (id, account_id, position, always_on, hours, changed_at) "
                    + "VALUES (?, ?, ?, ?, ?, NOW(6))").params(row).update();
        }
    }

    private long raise() {
        long caseId = CASES.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(new UrgentRaised(caseId, Subject.forumPost(caseId), worker,
                RiskKind.CHILD_MISSING, Instant.now())));
        return caseId;
    }

    private long alertIdOf(long caseId) {
        return jdbc.sql("SELECT id FROM urgent_alert WHERE case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void anUrgentItemReachesTheWorkerOnDutyLiveAndTheyAcknowledgeIt() {
        signIn(username, PASSWORD);
        assertThat(driver.getCurrentUrl()).as("staff land on Today").endsWith("/today");
        waitFor(By.id("today-urgent"));
        waitFor(By.id("today-rota"));
        // urgent first, then the queue's counts, the rota and recent reports (moderation queue's read API)
        waitFor(By.id("today-queue"));
        waitFor(By.id("today-reports"));
        var order = ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'.today-section')).map(e => e.id)");
        assertThat(((List<?>) order).stream().map(String::valueOf).toList()).containsSubsequence("today-urgent", "today-queue", "today-rota", "today-reports");
        assertThat(pageText()).contains("On duty now: " + displayName);
        assertAccessible();
        // opened directly and reloaded
        open("today");
        driver.navigate().refresh();
        settle();
        waitFor(By.id("today-rota"));
        assertThat(driver.getCurrentUrl()).endsWith("/today");

        // something urgent is posted while the page is open: it shows without a reload
        long start = System.nanoTime();
        long caseId = raise();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                !d.findElements(By.cssSelector("#urgent-banner [data-alert]")).isEmpty());
        long postToScreenMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("BENCH urgent post-to-screen ms=" + postToScreenMs);
        assertThat(postToScreenMs).as("post to screen").isLessThan(5_000);
        long alertId = alertIdOf(caseId);
        var banner = driver.findElement(By.id("urgent-banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#urgent-banner [role=alert]")).getText())
                .contains("A child may be missing");
        // the Today list updates live as well
        wait.until(d -> !d.findElements(By.cssSelector("#today-urgent-open [data-alert='" + alertId + "']")).isEmpty());
        assertAccessible();

        // on a phone the banner leaves the quick exit free to press
        phoneSize();
        settle();
        var exit = driver.findElement(By.id("quick-exit")).getRect();
        var bannerBox = banner.getRect();
        assertThat(exit.getY() + exit.getHeight()).isLessThanOrEqualTo(bannerBox.getY());
        assertNoSidewaysScroll();
        assertAccessible();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        // the sound can be switched off, and stays off after a reload
        driver.findElement(By.id("urgent-sound")).click();
        settle();
        assertThat(driver.findElement(By.id("urgent-sound")).getAttribute("aria-pressed")).isEqualTo("false");
        driver.navigate().refresh();
        settle();
        wait.until(d -> "false".equals(d.findElement(By.id("urgent-sound")).getAttribute("aria-pressed")));

        // "I'm looking at it"
        var ack = waitFor(By.cssSelector("#urgent-banner [data-alert='" + alertId + "'] vaadin-button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", ack);
        settle();
        wait.until(d -> d.findElements(By.cssSelector("#urgent-banner [data-alert='" + alertId + "']")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#today-urgent-done [data-alert='" + alertId + "']")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#today-urgent-done [data-alert='" + alertId + "']")).getText())
                .contains(displayName).contains("after it was posted");
        Long millis = jdbc.sql("SELECT ack_millis FROM urgent_alert WHERE id = ?").param(alertId).query(Long.class).single();
        assertThat(millis).isNotNull().isPositive();
        assertAccessible();
    }

    @Test
    void theRotaPageRefusesHostileHoursKindlyAndKeepsWhatWasTyped() {
        signIn(username, PASSWORD);
        open("moderation/rota");
        driver.navigate().refresh();
        settle();
        waitFor(By.id("rota-list"));
        assertAccessible();
        click("Change hours for " + displayName);
        // always on duty and hours at once: said kindly, nothing lost
        var area = waitFor(By.cssSelector(".rota-form vaadin-text-area textarea"));
        area.clear();
        area.sendKeys("Mon-Fri 08:00-18:00\n2026-12-25 closed");
        click("Save");
        wait.until(d -> "true".equals(d.findElement(By.cssSelector(".rota-form vaadin-text-area")).getAttribute("invalid")));
        assertThat(pageText()).contains("untick it");
        assertThat(area.getAttribute("value")).isEqualTo("Mon-Fri 08:00-18:00\n2026-12-25 closed");
        driver.findElement(By.cssSelector(".rota-form vaadin-checkbox input")).click();
        settle();
        for (String hostile : List.of("<script>alert(1)</script>", "javascript:alert(1)", "Mon-Fri 9 till late\u200F",
                "'; DROP TABLE duty_rota_entry; --")) {
            area.clear();
            area.sendKeys(hostile);
            click("Save");
            wait.until(d -> "true".equals(d.findElement(By.cssSelector(".rota-form vaadin-text-area")).getAttribute("invalid")));
            assertThat(area.getAttribute("value")).isEqualTo(hostile);
            assertThat(pageText()).doesNotContain("Exception").contains("could not");
        }
        assertAccessible();
        area.clear();
        area.sendKeys("Mon-Fri 08:00-18:00\n2026-12-25 closed");
        click("Save");
        waitForText("Saved.");
        assertThat(jdbc.sql("SELECT hours FROM duty_rota_entry WHERE account_id = ?").param(worker)
                .query(String.class).single()).contains("08:00-18:00").contains("2026-12-25 closed");
    }

    @Test
    void aParentCannotOpenTodayOrTheRotaAndDoesNotLandOnToday() {
        signIn("parent.a", "sunny-garden-path");
        assertThat(driver.getCurrentUrl()).doesNotEndWith("/today");
        for (String path : List.of("today", "moderation/rota")) {
            open(path);
            waitForText("You are not allowed to see this page");
            assertThat(pageText()).doesNotContain("On duty now").doesNotContain("Out-of-hours contact");
            assertThat(driver.findElements(By.id("urgent-banner"))).isEmpty();
        }
        assertThat(pageText()).doesNotContain("Today\n");
    }
}
