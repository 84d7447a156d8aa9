package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestUsers;
import org.village.booking.Availability;
import org.village.booking.BookingRequest;
import org.village.booking.Bookings;
import org.village.booking.Member;
import org.village.booking.SessionTypes;
import org.village.families.FamilyService;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * worker.sam's calendar in a real browser on a phone (360 px), opened directly by address and by reload, with axe
 * on every page: a family booked through the Bookings service shows with who comes; Sam marks that they came and
 * keeps a private note (hostile text shown as text, never run) that a parent never sees; the session types page
 * shows a hostile description as text. A parent typing the calendar's address is refused.
 */
class WorkerCalendarJourneyIT extends BrowserJourney {

    private static final String HOSTILE = "</script><img src=x onerror=alert(1)> <b>bold?</b> ' OR 1=1 --";

    @Autowired
    Availability availability;
    @Autowired
    SessionTypes types;
    @Autowired
    Bookings bookings;
    @Autowired
    FamilyService families;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void samSeesABookingMarksAttendanceAndKeepsAPrivateNote() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String familyLabel = "Calendar family " + token;
        String typeName = "Walk and talk " + token;
        long session;
        long booking;
        try {
            users.as("worker.sam");
            var family = families.create(familyLabel, List.of(new FamilyService.NewChild("Rowan", "11 to 13")));
            session = freeSlot();
            booking = bookings.bookOnBehalf(family.id(), new BookingRequest(session,
                    List.of(Member.childKey(family.children().getFirst().id())), "Rowan is shy " + HOSTILE, null)).id();
            types.add(new SessionTypes.TypeEdit(0, typeName, "What happens: " + HOSTILE + " " + token, 50, 1,
                    Set.of(SessionTypes.Attendee.PARENTS), SessionTypes.PlaceKind.PHONE, "", false, 60, 60, 1, false));
        } finally {
            users.anonymous();
        }
        // the session has begun (moved in the database, as time passing would): attendance can be marked now
        var now = clock.instant();
        jdbc.sql("UPDATE booking_session SET starts_at = ?, ends_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now.minusSeconds(1800)), java.sql.Timestamp.from(now.plusSeconds(3600)), session)
                .update();
        // the day it starts on, not today: from midnight to half past, the session began yesterday
        LocalDate today = now.minusSeconds(1800).atZone(Times.ZONE).toLocalDate();

        phoneSize();
        signIn("worker.sam", "green-kettle-morning");
        open("booking/calendar?view=day&date=" + today);
        waitFor(By.id("session-" + session));
        assertAccessible();
        assertNoSidewaysScroll();
        openSession(session);
        waitForText(familyLabel);
        waitForText("Coming: Rowan");
        waitForText("Rowan is shy " + HOSTILE);
        assertNoAlert();
        assertAccessible();

        click("They came");
        waitForText("Attendance is saved");
        assertThat(jdbc.sql("SELECT status FROM booking WHERE id = ?").param(booking).query(String.class).single())
                .isEqualTo("ATTENDED");

        String note = "Private " + token + " " + HOSTILE;
        var text = waitFor(By.cssSelector("#note-text-" + session + " textarea"));
        text.sendKeys("x".repeat(Availability.MAX_NOTE + 1));
        click("Keep note");
        waitForText("Please keep the note to ");
        assertThat(text.getAttribute("value")).as("nothing typed is lost").hasSize(Availability.MAX_NOTE + 1);
        text.clear();
        text.sendKeys(note);
        click("Keep note");
        waitForText("Your note is kept");
        waitForText(note);
        assertNoAlert();
        assertAccessible();

        driver.navigate().refresh();
        settle();
        openSession(session);
        waitForText(note);
        waitFor(By.id("came-undo-" + booking));
        assertAccessible();

        // the week view, opened directly
        open("booking/calendar");
        waitFor(By.id("session-" + session));
        assertAccessible();
        assertNoSidewaysScroll();

        open("booking/types");
        waitFor(By.id("session-types"));
        waitForText(typeName);
        assertAccessible();
        assertNoSidewaysScroll();
        var details = driver.findElements(By.cssSelector("#session-types vaadin-details")).stream()
                .filter(d -> d.getText().contains(typeName)).findFirst().orElseThrow();
        var summary = details.findElement(By.cssSelector("vaadin-details-summary"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        settle();
        assertThat(details.findElement(By.cssSelector("textarea")).getAttribute("value")).contains(HOSTILE);
        assertNoAlert();
        assertAccessible();

        open("booking/availability");
        waitFor(By.id("weekly-rules"));
        assertAccessible();
        assertNoSidewaysScroll();

        // a parent: the calendar's address is refused, and the note is nowhere they can see
        signOut();
        signIn("parent.a", "sunny-garden-path");
        open("booking/calendar?view=day&date=" + today);
        waitForText("You are not allowed to see this page");
        assertThat(pageText()).doesNotContain(token, familyLabel);
        assertAccessible();
        try {
            users.as("parent.a");
            assertThat(bookings.myBookings(true)).noneMatch(b -> String.valueOf(b.note()).contains("Private " + token));
            assertThat(bookings.myBookings(false)).noneMatch(b -> String.valueOf(b.note()).contains("Private " + token));
        } finally {
            users.anonymous();
        }
    }

    private void openSession(long session) {
        var summary = waitFor(By.cssSelector("#session-" + session + " vaadin-details-summary"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        settle();
    }

    private void assertNoAlert() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script in the hostile text ran");
        } catch (NoAlertPresentException expected) {
            // text stayed text
        }
    }

    /** A sibling-group slot for Sam on some Saturday ahead that clashes with nothing of Sam's (demo or other tests). */
    private long freeSlot() {
        LocalDate saturday = LocalDate.now(clock.withZone(Times.ZONE)).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        long typeId = types.byCode("sibling-group").orElseThrow().id();
        for (int i = 0; i < 40; i++) {
            try {
                return availability.addSlot(typeId, saturday.plusWeeks(i % 20), LocalTime.of(9 + i / 20 * 3, 0), null).getFirst();
            } catch (InputProblem clash) {
                // Sam is busy then: try the next Saturday
            }
        }
        throw new IllegalStateException("no free Saturday for Sam");
    }
}
