package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.village.TestAccounts;
import org.village.shared.Times;

/**
 * Parents booking on a phone (360 px), in real browsers, every page opened directly by address and by reload, with
 * axe on each. Our own session type (capacity 1) and session for worker.sam, and our own two families:
 * <ol>
 * <li>A parent on a phone books the last place while a second family's parent, in another browser, has the same
 * session open and tries the same place: they are told kindly that it has just gone, offered the waiting list, and
 * join it. Sam sees the booking in the calendar.</li>
 * <li>The booked family cancels; the place is offered to the family on the waiting list, who see the offer in My
 * sessions and take it (the booking becomes booked).</li>
 * <li>The first family's note is hostile (a script end tag with an image, an RTL override, a javascript: link):
 * Sam's calendar shows it as text and nothing runs.</li>
 * </ol>
 */
class BookingJourneyIT extends BrowserJourney {

    private static final String PASSWORD = "sunny-garden-path";
    private static final String RTL = "\u202E";
    private static final String HOSTILE = "</script><img src=x onerror=alert(1)> " + RTL + "sdrawkcab"
            + "\u202C [tap me](javascript:alert(2)) javascript:alert(3)";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private final List<WebDriver> others = new ArrayList<>();

    @AfterEach
    void closeOtherBrowsers() {
        for (WebDriver d : others) {
            d.quit();
        }
    }

    @Test
    void theLastPlaceGoesToOneFamilyTheOtherWaitsAndTakesItWhenItIsFreed() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        long sam = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.sam'").query(Long.class).single();
        String code = "bj-" + token;
        long type = sessionType(code, "Family walk " + token);
        // a time of our own, days ahead (so within the page's first four weeks), on a whole minute
        Instant start = clock.instant().plus(Duration.ofDays(3 + ThreadLocalRandom.current().nextInt(14)))
                .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(600))).truncatedTo(ChronoUnit.MINUTES);
        long session = session(type, sam, start);
        String labelA = "Booking family A " + token;
        String labelB = "Booking family B " + token;
        String parentA = family(labelA, "Ash " + token, sam);
        String parentB = family(labelB, "Birch " + token, sam);
        String note = "Note " + token + " " + HOSTILE;

        // 1. the phone parent (A) and the second family's parent (B) both have the session open
        phoneSize();
        signIn(parentA, PASSWORD);
        open("sessions?type=" + code);
        var cardA = card(session);
        assertThat(cardA.getText()).contains("Family walk " + token, "Places left: 1");
        assertThat(cardA.findElement(By.cssSelector(".session-when")).getText()).as("the date says its weekday")
                .startsWith(start.atZone(Times.ZONE).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                        java.util.Locale.UK));
        assertAccessible();
        assertNoSidewaysScroll();
        driver.navigate().refresh();
        settle();
        cardA = card(session);
        tap(cardA.findElement(By.cssSelector(".open-booking")));
        var noteField = waitFor(By.cssSelector("[data-session='" + session + "'] vaadin-text-area textarea"));
        noteField.sendKeys(note);
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("const l = document.querySelector("
                + "\"[data-session='" + session + "'] vaadin-text-area > label\"); return l.scrollWidth <= l.clientWidth + 1"))
                .as("the note's label is read in full on a phone, not cut off").isTrue();
        assertAccessible();
        shot("sessions-360.png");
        WebDriver phoneA = driver;

        anotherBrowser();
        signIn(parentB, PASSWORD);
        open("sessions?type=" + code);
        tap(card(session).findElement(By.cssSelector(".open-booking")));
        waitFor(By.cssSelector("[data-session='" + session + "'] .confirm-booking"));
        assertAccessible();
        WebDriver browserB = driver;

        // A takes the last place
        use(phoneA);
        tap(waitFor(By.cssSelector("[data-session='" + session + "'] .confirm-booking")));
        waitForText("You are booked in.");
        assertAccessible();
        long bookingA = bookingOf(session, labelA);
        assertThat(status(bookingA)).isEqualTo("BOOKED");

        // B, still looking at the same page, tries the same place: told kindly, offered the waiting list
        use(browserB);
        tap(waitFor(By.cssSelector("[data-session='" + session + "'] .confirm-booking")));
        waitForText("Sorry, the last place has just gone.");
        assertThat(pageText()).doesNotContainIgnoringCase("exception");
        assertThat(card(session).findElement(By.cssSelector(".places")).getText())
                .as("the card no longer says a place is left").isEqualTo("No places left");
        var join = waitFor(By.cssSelector("[data-session='" + session + "'] .join-waiting"));
        assertThat(driver.findElements(By.cssSelector("[data-session='" + session + "'] .confirm-booking"))
                .stream().noneMatch(WebElement::isDisplayed)).as("the Book button is gone").isTrue();
        assertAccessible();
        tap(join);
        waitForText("You are on the waiting list.");
        assertAccessible();
        long bookingB = bookingOf(session, labelB);
        assertThat(status(bookingB)).isEqualTo("WAITING");
        assertThat(places(session)).isEqualTo(1);

        // a reload now shows the session as full
        open("sessions?type=" + code);
        assertThat(card(session).getText()).contains("No places left");
        assertThat(pageText()).as("the waiting list explained once on the page").containsOnlyOnce("you can join its waiting list");
        assertAccessible();
        open("my-sessions");
        waitForText("On the waiting list (number 1 in line)");
        assertThat(pageText()).as("the waiting list explained once, not on every row")
                .containsOnlyOnce("we offer it to the first family in line");
        assertThat(driver.findElement(By.id("upcoming-heading")).getText()).isEqualTo("Coming up");
        assertThat(driver.findElement(By.id("past-heading")).getText()).isEqualTo("Past sessions");
        String weekday = start.atZone(Times.ZONE).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
        assertThat(waitFor(By.cssSelector("[data-booking] .booking-when")).getText()).as("the date says its weekday")
                .startsWith(weekday);
        assertAccessible();
        shot("my-sessions-waiting.png"); // the second browser is desktop-sized

        // A's own list, opened directly on the phone and reloaded
        use(phoneA);
        open("my-sessions");
        var mineA = waitFor(By.cssSelector("[data-booking='" + bookingA + "']"));
        assertThat(mineA.getText()).contains("Family walk " + token, "Booked");
        assertThat(pageText()).doesNotContain(labelB, "Birch " + token);
        assertAccessible();
        assertNoSidewaysScroll();
        driver.navigate().refresh();
        settle();
        waitFor(By.cssSelector("[data-booking='" + bookingA + "']"));
        shot("my-sessions-360.png");

        // Sam (a third browser, on a phone too) sees the booking in the calendar; 3. the hostile note is only text
        anotherBrowser();
        phoneSize();
        signIn("worker.sam", "green-kettle-morning");
        LocalDate day = LocalDate.ofInstant(start, Times.ZONE);
        open("booking/calendar?view=day&date=" + day);
        openSession(session);
        waitFor(By.id("booking-" + bookingA));
        waitForText(labelA);
        waitForText("Note " + token + " </script><img src=x onerror=alert(1)>");
        String shown = driver.findElement(By.id("booking-" + bookingA)).getText();
        assertThat(shown).contains("javascript:alert(3)", "[tap me](javascript:alert(2))", "sdrawkcab");
        assertNothingRan();
        assertAccessible();
        assertNoSidewaysScroll();
        driver.navigate().refresh();
        settle();
        openSession(session);
        waitFor(By.id("booking-" + bookingA));
        waitForText(labelB);
        assertNothingRan();
        assertAccessible();

        // 2. A cancels; the place is offered to B, who takes it in My sessions
        use(phoneA);
        open("my-sessions");
        tap(waitFor(By.cssSelector("[data-booking='" + bookingA + "'] .cancel-booking")));
        waitForText("Yes, cancel");
        assertAccessible();
        click("Yes, cancel");
        wait.until(d -> "CANCELLED".equals(status(bookingA)));
        assertThat(status(bookingB)).isEqualTo("OFFERED");
        assertAccessible();

        use(browserB);
        phoneSize();
        open("my-sessions");
        var offer = waitFor(By.cssSelector("[data-booking='" + bookingB + "']"));
        assertThat(offer.getText()).contains("A place is offered to you until");
        assertAccessible();
        assertNoSidewaysScroll();
        driver.navigate().refresh();
        settle();
        tap(waitFor(By.cssSelector("[data-booking='" + bookingB + "'] .accept-offer")));
        waitForText("The place is yours.");
        assertThat(status(bookingB)).isEqualTo("BOOKED");
        assertThat(places(session)).isEqualTo(1);
        assertThat(waitFor(By.cssSelector("[data-booking='" + bookingB + "'] .booking-status")).getText())
                .isEqualTo("Booked");
        assertAccessible();
        driver.navigate().refresh();
        settle();
        assertThat(waitFor(By.cssSelector("[data-booking='" + bookingB + "'] .booking-status")).getText())
                .isEqualTo("Booked");
        assertThat(pageText()).doesNotContain(labelA, "Ash " + token, "Note " + token);
    }

    // ==== browsers ==================================================================================================

    /** Starts another browser with its own profile and cookies; the earlier one stays open, to switch back to. */
    private void anotherBrowser() throws Exception {
        others.add(driver);
        startBrowser();
    }

    private void use(WebDriver browser) {
        driver = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private WebElement card(long session) {
        return waitFor(By.cssSelector("[data-session='" + session + "']"));
    }

    /** Scrolls to the middle first: on a phone the sticky bars cover the bottom edge. */
    private void tap(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        settle();
    }

    private void openSession(long session) {
        var summary = waitFor(By.cssSelector("#session-" + session + " vaadin-details-summary"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        settle();
    }

    private void assertNothingRan() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script in the hostile note ran");
        } catch (NoAlertPresentException expected) {
            // text stayed text
        }
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).as("no image made from the note").isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href^='javascript']"))).as("no script link").isEmpty();
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    // ==== our own data ==============================================================================================

    private long sessionType(String code, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_type (code, name, description, duration_minutes, capacity, attendees, place_kind,"
                        + " place_detail, confirm_required, min_notice_minutes, cancel_cutoff_minutes, series_length, created_at)"
                        + " VALUES (?, ?, 'We walk and talk together as a family.', 60, 1, 'PARENTS,SIBLINGS,YOUNG_PERSON',"
                        + " 'ADDRESS', '1 High Street', FALSE, 0, 0, 1, NOW(6))")
                .params(code, name).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long session(long type, long worker, Instant start) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_session (type_id, worker_id, starts_at, ends_at, capacity, video_link, created_at)"
                        + " VALUES (?, ?, ?, ?, 1, 'https://video.example/room', NOW(6))")
                .params(type, worker, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofHours(1))))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A new family (looked after by Sam) with one child and a parent account copied from parent.a's password. */
    private String family(String label, String child, long worker) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO family (label, created_at) VALUES (?, NOW(6))").param(label).update(keys, "id");
        long familyId = keys.getKey().longValue();
        jdbc.sql("INSERT INTO child (family_id, name, age_band) VALUES (?, ?, '8 to 10')").params(familyId, child).update();
        String username = "bj." + UUID.randomUUID().toString().substring(0, 8);
        long parent = TestAccounts.copy(jdbc, "parent.a", username, "Parent " + username.substring(3), "PARENT");
        jdbc.sql("UPDATE user_account SET family_id = ? WHERE id = ?").params(familyId, parent).update();
        jdbc.sql("INSERT IGNORE INTO family_worker (family_id, worker_id) VALUES (?, ?)").params(familyId, worker).update();
        return username;
    }

    private long bookingOf(long session, String familyLabel) {
        return jdbc.sql("SELECT b.id FROM booking b JOIN family f ON f.id = b.family_id WHERE b.session_id = ?"
                + " AND f.label = ?").params(session, familyLabel).query(Long.class).single();
    }

    private String status(long booking) {
        return jdbc.sql("SELECT status FROM booking WHERE id = ?").param(booking).query(String.class).single();
    }

    private int places(long session) {
        return jdbc.sql("SELECT places_taken FROM booking_session WHERE id = ?").param(session).query(Integer.class).single();
    }
}
