package org.village.e2e;

import org.village.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.shared.Tokens;

/**
 * Issue 8, items 4, 9 and 12 in real browsers: a session ends when its account is switched off or its
 * password changes (two browsers side by side), sign-in answers every name alike and keeps what was typed,
 * double clicks make one account, and {@code /error} is a kind page. Pages are opened directly and reloaded.
 */
class AccountSafetyJourneyIT extends BrowserJourney {

    private static final String STAFF_PASSWORD = "green-kettle-morning"; // worker.sam's, copied to test accounts
    private static final String PARENT_PASSWORD = "sunny-garden-path"; // parent.a's, copied to test accounts

    @Autowired
    JdbcClient jdbc;

    private WebDriver second;

    @AfterEach
    void closeSecondBrowser() {
        if (second != null) {
            second.quit();
        }
    }

    @Test
    void aWorkerSwitchedOffWhileEditingCannotSaveAndIsSignedOut() {
        staff("switch.me", "Switch Me");
        // browser B: the worker, with a new jargon-buster term typed but not yet saved
        signIn("switch.me", STAFF_PASSWORD);
        open("staff/jargon-buster");
        driver.navigate().refresh();
        settle();
        waitForText("Edit jargon buster");
        type("Term", "Term from a switched-off account");
        type("What it means", "This must never reach the jargon buster.");

        // browser A: an admin switches the worker off
        inSecondBrowser(() -> {
            signIn("admin", "quiet-harbour-lamp");
            open("admin/staff");
            DirectoryPages.reveal(this, visible(By.cssSelector("vaadin-button[aria-label='Switch off: Switch Me']"))).click();
            settle();
            waitForText("Account switched off.");
        });

        // browser B presses Save: nothing is saved, and the sign-in page says plainly what happened
        press("Save term");
        wait.until(d -> d.getCurrentUrl().contains("/login?ended"));
        waitForText("You have been signed out");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM glossary_term WHERE term = 'Term from a switched-off account'")
                .query(Integer.class).single()).isZero();
        assertAccessible();
        // the editor stays closed to this browser, opened directly or reloaded
        open("staff/jargon-buster");
        driver.navigate().refresh();
        settle();
        assertThat(pageText()).doesNotContain("Edit jargon buster");
        // and the right password now only learns that the account is off
        signIn("switch.me", STAFF_PASSWORD);
        waitForText("This account is switched off");
    }

    @Test
    void aParentWhoChangesTheirPasswordSignsOutTheirOtherBrowserButStaysSignedInHere() {
        parent("two.browsers", "Two Browsers");
        // browser B: signed in earlier, say on a shared computer, with the account page open
        signIn("two.browsers", PARENT_PASSWORD);
        open("account");
        waitForText("You are signed in as Two Browsers");

        inSecondBrowser(() -> {
            signIn("two.browsers", PARENT_PASSWORD);
            open("account");
            driver.navigate().refresh();
            settle();
            type("Your password now", PARENT_PASSWORD);
            type("New password", "a-quiet-walk-by-the-river");
            type("Type the new password again", "a-quiet-walk-by-the-river");
            press("Change password");
            waitForText("Your password has been changed");
        });

        // B's next click ends its session instead of doing anything
        press("Sign out on other devices");
        wait.until(d -> d.getCurrentUrl().contains("/login?ended"));
        waitForText("You have been signed out");

        // A carries on, also after a reload
        inSecondBrowser(() -> {
            driver.navigate().refresh();
            settle();
            waitForText("You are signed in as Two Browsers");
        });
    }

    @Test
    void aFailedSignInKeepsTheNameAndSaysTheSameForRealAndUnknownNames() {
        parent("kept.name", "Kept Name");
        signIn("kept.name", "not-the-password");
        String forRealName = signInMessage();
        assertThat(typedName()).isEqualTo("kept.name");
        assertAccessible();

        signIn("nobody.is.called.this", "not-the-password");
        String forUnknownName = signInMessage();
        assertThat(typedName()).isEqualTo("nobody.is.called.this");

        assertThat(forRealName).isEqualTo(forUnknownName)
                .contains("Check your sign-in name and password").doesNotContain("paused", "switched off");
        // the name never goes into the address bar (or the browser's history)
        assertThat(driver.getCurrentUrl()).doesNotContain("nobody.is.called.this");

        // hostile text typed as a name is answered the same way and is not put back into the page
        signIn("</script><script>window.villageHacked=1</script>\u2028<!--", "not-the-password");
        assertThat(signInMessage()).isEqualTo(forRealName);
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.villageHacked === undefined"))
                .isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).getDomProperty("value"))
                .isEmpty();
        assertThat(driver.findElement(By.id("quick-exit")).isDisplayed()).isTrue();
    }

    @Test
    void repeatedWrongPasswordsMakeThisDeviceWaitButNotTheParentElsewhere() throws Exception {
        parent("guessed.at", "Guessed At");
        for (int i = 0; i < 4; i++) {
            signIn("guessed.at", "not-the-password-" + i);
            waitForText("not right");
        }
        signIn("guessed.at", "not-the-password-5");
        waitForText("Please wait 1 minute before you try again");
        assertThat(typedName()).isEqualTo("guessed.at");
        // this device may not try again yet, not even with the right password
        signIn("guessed.at", PARENT_PASSWORD);
        waitForText("Please wait 1 minute before you try again");
        assertAccessible();
        phoneSize();
        driver.navigate().refresh();
        settle();
        assertNoSidewaysScroll();
        // the parent, on their own phone (another address), is not held up at all
        var answer = org.village.HttpSignIn.post(org.village.HttpSignIn.client("127.0.0.2"), port, "guessed.at", PARENT_PASSWORD);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
    }

    @Test
    void doubleClickingMakeMyAccountMakesOneAccountAndSaysItIsReady() {
        String code = Tokens.code(12);
        jdbc.sql("INSERT INTO invitation (code_hash, family_id, created_by, created_at, expires_at) "
                        + "SELECT ?, f.id, u.id, ?, ? FROM family f, user_account u "
                        + "WHERE f.label = 'Family A (sample)' AND u.username = 'worker.sam'")
                .params(Tokens.sha256(code), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)))
                .update();
        open("join/" + code);
        driver.navigate().refresh();
        settle();
        type("Sign-in name", "double.clicker");
        type("Name other people will see", "Snowdrop");
        type("Password", "lantern-by-the-sea");
        type("Type the password again", "lantern-by-the-sea");
        new Actions(driver).doubleClick(button("Make my account")).perform();
        settle();
        waitForText("Your account is ready");
        assertThat(pageText()).doesNotContain("Please choose a sign-in name", "already", "went wrong");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = 'double.clicker'")
                .query(Integer.class).single()).isEqualTo(1);
        assertAccessible();
    }

    @Test
    void doubleClickingMakeAccountForAStaffMemberMakesOneAccountWithoutAnError() {
        signIn("admin", "quiet-harbour-lamp");
        open("admin/staff");
        driver.navigate().refresh();
        settle();
        type("Sign-in name", "double.staff");
        type("Name people see", "Double Staff");
        type("First password", "lantern-by-the-harbour");
        new Actions(driver).doubleClick(button("Make account")).perform();
        settle();
        waitForText("Account made for Double Staff");
        assertThat(pageText()).doesNotContain("Please choose a sign-in name", "Someone already", "went wrong");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = 'double.staff'")
                .query(Integer.class).single()).isEqualTo(1);
        // a further click on the emptied form changes nothing and scolds nobody
        press("Make account");
        assertThat(pageText()).contains("Account made for Double Staff").doesNotContain("Please choose a sign-in name");
    }

    @Test
    void theErrorAddressOpenedDirectlyIsTheKindNotFoundPage() {
        for (int i = 0; i < 2; i++) {
            if (i == 0) {
                open("error");
            } else {
                driver.navigate().refresh();
                settle();
            }
            waitForText("We could not find that page");
            assertThat(pageText()).contains("999").doesNotContain("status", "Whitelabel", "Exception");
            assertThat(driver.findElement(By.id("quick-exit")).isDisplayed()).isTrue();
        }
        assertAccessible();
    }

    // ---- helpers ----

    private void staff(String username, String displayName) {
        TestAccounts.copy(jdbc, "worker.sam", username, displayName, "WORKER");
    }

    private void parent(String username, String displayName) {
        TestAccounts.copy(jdbc, "parent.a", username, displayName, "PARENT");
    }

    /** A button scrolled to the middle of the screen, clear of anything fixed at the edges. */
    private WebElement button(String text) {
        return DirectoryPages.reveal(this, wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-button[normalize-space(.)=\"" + text + "\"]"))));
    }

    private void press(String text) {
        button(text).click();
        settle();
    }

    private WebElement visible(By by) {
        wait.until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    private String signInMessage() {
        return wait.until(d -> d.findElements(By.cssSelector(".notice.error")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
    }

    /** The sign-in name field's value, once the page has put it back. */
    private String typedName() {
        var field = By.cssSelector("vaadin-text-field[name='username'] input");
        wait.until(d -> !d.findElement(field).getDomProperty("value").isEmpty());
        return driver.findElement(field).getDomProperty("value");
    }

    /** Runs the steps in a second, separate browser (its own cookies), with the same helpers. */
    private void inSecondBrowser(Runnable steps) {
        if (second == null) {
            second = newBrowser();
        }
        WebDriver first = driver;
        WebDriverWait firstWait = wait;
        driver = second;
        wait = new WebDriverWait(second, Duration.ofSeconds(20));
        try {
            steps.run();
        } finally {
            driver = first;
            wait = firstWait;
        }
    }

    private static WebDriver newBrowser() {
        return Browsers.start(1280, 900);
    }
}
