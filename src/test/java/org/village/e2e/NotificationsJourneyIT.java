package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestAccounts;
import org.village.shared.Tokens;

/**
 * The bell, live: a worker has Village open in one browser; in another, a parent uses the worker's invitation. The
 * worker's bell goes from nothing to 1 without a reload, its name says so, and the list shows who joined. The new
 * parent cannot open the worker's notification by its address. The list opened directly and reloaded on a phone
 * keeps quick exit; "Mark all as read" empties the bell. Admins (only) read sent e-mails. Axe on every page.
 */
class NotificationsJourneyIT extends BrowserJourney {

    static final String WORKER_PASSWORD = "blue-river-stones";

    @Autowired
    JdbcClient jdbc;

    private WebDriver second() throws Exception {
        return Browsers.start(1280, 900);
    }

    private String bellCount() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const b = document.getElementById('notification-count');"
                        + "return b && !b.hasAttribute('hidden') && b.offsetParent !== null ? b.textContent : '';");
    }

    private String bellName() {
        return driver.findElement(By.cssSelector("#notification-bell vaadin-button")).getAttribute("aria-label");
    }

    @Test
    void aParentJoiningRaisesTheWorkersBellWithoutAReloadAndOnlyTheWorkerCanOpenIt() throws Exception {
        long worker = TestAccounts.copy(jdbc, "worker.alex", "bell.worker", "Bell Worker", "WORKER");
        String code = Tokens.code(12);
        jdbc.sql("INSERT INTO invitation (code_hash, family_id, created_by, created_at, expires_at) "
                        + "SELECT ?, f.id, ?, ?, ? FROM family f WHERE f.label = 'Family B (sample)'")
                .params(Tokens.sha256(code), worker, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS))).update();

        // the worker has Village open: a bell, nothing unread
        signIn("bell.worker", WORKER_PASSWORD);
        open("");
        waitFor(By.id("notification-bell"));
        assertThat(bellCount()).isEmpty();
        assertThat(bellName()).isEqualTo("Notifications, none unread");
        var bellBox = driver.findElement(By.cssSelector("#notification-bell vaadin-button")).getRect();
        assertThat(bellBox.getWidth()).isGreaterThanOrEqualTo(24);
        assertThat(bellBox.getHeight()).isGreaterThanOrEqualTo(24);
        assertAccessible();

        // another browser: the parent uses the invitation
        var workerDriver = driver;
        var workerWait = wait;
        var parentDriver = second();
        try {
            driver = parentDriver;
            wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            open("join/" + code);
            type("Sign-in name", "bell.parent");
            type("Name other people will see", "Harebell");
            type("Password", "lantern-by-the-sea-bell");
            type("Type the password again", "lantern-by-the-sea-bell");
            click("Make my account");
            waitForText("Your account is ready");

            // the worker's page, untouched: the bell says 1
            driver = workerDriver;
            wait = workerWait;
            wait.until(d -> "1".equals(bellCount()));
            assertThat(bellName()).isEqualTo("Notifications, 1 unread");
            assertThat(driver.findElement(By.cssSelector("#notification-bell [role=status]")).getText())
                    .isEqualTo("You have a new notification.");
            assertAccessible();

            driver.findElement(By.cssSelector("#notification-bell vaadin-button")).click();
            settle();
            wait.until(d -> d.getCurrentUrl().endsWith("/notifications"));
            waitForText("Harebell has joined Village with the invitation you made.");
            assertThat(pageText()).contains("New");
            assertAccessible();
            long id = jdbc.sql("SELECT id FROM notification WHERE account_id = ?").param(worker).query(Long.class).single();

            // the new parent tries the worker's notification by its address: not allowed, nothing changes
            driver = parentDriver;
            wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            signIn("bell.parent", "lantern-by-the-sea-bell");
            open("notifications/" + id);
            waitForText("not allowed");
            assertThat(pageText()).doesNotContain("Harebell has joined");
            assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
            open("notifications");
            waitForText("You have no notifications yet.");
            assertAccessible();
        } finally {
            parentDriver.quit();
            driver = workerDriver;
            wait = workerWait;
        }

        // on a phone, the list opened directly and reloaded keeps quick exit; mark all as read empties the bell
        phoneSize();
        open("notifications");
        driver.navigate().refresh();
        settle();
        waitForText("Harebell has joined Village");
        waitFor(By.id("quick-exit"));
        assertThat(bellCount()).isEqualTo("1");
        assertNoSidewaysScroll();
        assertAccessible();
        click("Mark all as read");
        waitForText("All your notifications are marked as read.");
        wait.until(d -> bellCount().isEmpty());
        assertThat(bellName()).isEqualTo("Notifications, none unread");
        assertThat(pageText()).doesNotContain("New\n");
        assertAccessible();
    }

    @Test
    void onlyAdminsReadSentEmailsAndAParentChoosesEmailOnTheirOwnPage() {
        signIn("parent.a", "sunny-garden-path");
        open("account");
        click("E-mail about notifications");
        wait.until(d -> d.getCurrentUrl().endsWith("/account/notifications"));
        waitForText("This stays off unless you switch it on.");
        assertAccessible();
        open("admin/sent-emails");
        assertThat(pageText()).doesNotContain("test mail server");
        assertThat(pageText()).doesNotContain("Sent e-mails\n");
        signOut();

        signIn("admin", "quiet-harbour-lamp");
        open("");
        assertThat(driver.findElements(By.xpath("//nav[contains(@class,'side-links')]//a[normalize-space(.)='Sent e-mails']"))).hasSize(1);
        open("admin/sent-emails");
        waitForText("test mail server");
        assertAccessible();
    }

    /**
     * The quick exit on the new pages, opened directly and reloaded (QuickExitEveryRouteJourneyIT lists them too):
     * the button leaves for the neutral site.
     */
    @Test
    void theQuickExitButtonLeavesFromEachNotificationPage() {
        for (var visit : java.util.List.of(new String[] {"notifications", "parent.a", "sunny-garden-path"},
                new String[] {"account/notifications", "parent.a", "sunny-garden-path"},
                new String[] {"admin/sent-emails", "admin", "quiet-harbour-lamp"})) {
            signIn(visit[1], visit[2]);
            open(visit[0]);
            driver.navigate().refresh();
            settle();
            assertThat(driver.getCurrentUrl()).endsWith("/" + visit[0]);
            waitFor(By.id("quick-exit")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(NeutralSite.url()));
            open("account");
            wait.until(d -> d.getCurrentUrl().contains("/login"));
        }
    }
}
