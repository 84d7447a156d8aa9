package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.notification.Emails;
import org.village.notification.internal.MailTransport;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * The parent-facing polish of issue 13 (decision 096): who is ticked on the booking form, sessions a page at a time
 * with "later", dates with their weekday in the e-mail, and the family told after the commit.
 */
class BookingPolishIT extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    Emails emails;
    @Autowired
    MailTransport transport;
    @Autowired
    Clock clock;

    BookingFixture data;
    long sam;

    @BeforeEach
    void setUp() {
        data = new BookingFixture(jdbc);
        sam = data.workerId("worker.sam");
    }

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private Instant inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void theFormTicksTheWholeFamilyTheChildrenOrOnlyMeByTheKindOfSession() {
        var fam = data.family("Kai", "Lola");
        // a second parent in the same family: for a parents-only session only the one booking is ticked
        long other = org.village.TestAccounts.copy(jdbc, "parent.a", BookingFixture.unique("p2"), "Another parent", "PARENT");
        jdbc.sql("UPDATE user_account SET family_id = ? WHERE id = ?").params(fam.id(), other).update();
        var whole = data.type(1, false, 0, 0, 1, "PARENTS,SIBLINGS,YOUNG_PERSON", "ADDRESS");
        var siblings = data.type(8, false, 0, 0, 1, "SIBLINGS", "ADDRESS");
        var oneToOne = data.type(1, false, 0, 0, 1, "PARENTS", "PHONE");
        long wholeSession = data.session(whole, sam, inDays(5), Duration.ofHours(1), 1);
        long siblingSession = data.session(siblings, sam, inDays(6), Duration.ofHours(1), 8);
        long parentSession = data.session(oneToOne, sam, inDays(7), Duration.ofHours(1), 1);

        users.as(fam.username());
        var all = bookings.memberChoice(wholeSession);
        assertThat(all.eligible()).hasSize(4);
        assertThat(all.ticked()).containsExactlyInAnyOrderElementsOf(all.eligible().stream().map(Member::key).toList());

        var children = bookings.memberChoice(siblingSession);
        assertThat(children.eligible()).extracting(Member::key).containsExactlyInAnyOrder(fam.childKey(0), fam.childKey(1));
        assertThat(children.ticked()).containsExactlyInAnyOrder(fam.childKey(0), fam.childKey(1));

        var me = bookings.memberChoice(parentSession);
        assertThat(me.eligible()).extracting(Member::key).containsExactlyInAnyOrder(fam.parentKey(), Member.accountKey(other));
        assertThat(me.ticked()).containsExactly(fam.parentKey());

        // what was ticked books without a problem; a forged id is a kind "no such session"
        var booked = bookings.book(new BookingRequest(siblingSession, children.ticked(), null, null));
        assertThat(booked.members()).extracting(Member::name).containsExactlyInAnyOrder("Kai", "Lola");
        assertThatThrownBy(() -> bookings.memberChoice(Long.MAX_VALUE)).isInstanceOf(InputProblem.class);

        // a worker has no family to choose from
        users.as("worker.sam");
        assertThatThrownBy(() -> bookings.memberChoice(wholeSession)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sessionsComeAPageAtATimeInOrderWithLaterPagesAndNoneTwice() {
        var type = data.groupType(3);
        var ids = new ArrayList<Long>();
        // ten in the morning, nine days on: the five (the last four hours later) fall on one day whatever the hour
        // the test runs at (from 8 pm a base of "now" put the last one on the next day)
        Instant base = LocalDate.now(clock.withZone(Times.ZONE)).plusDays(9).atTime(10, 0).atZone(Times.ZONE).toInstant();
        for (int i = 0; i < 5; i++) {
            // two at the very same time: the page boundary between them must lose neither
            ids.add(data.session(type, sam, base.plus(Duration.ofHours(i == 1 ? 0 : i)), Duration.ofHours(1), 3));
        }
        var fam = data.family("Nia");
        users.as(fam.username());
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));

        var seen = new ArrayList<Long>();
        SessionSlot last = null;
        int pages = 0;
        boolean more = true;
        while (more && pages < 10) {
            var page = bookings.sessionPage(today, type.code(), last, 2);
            assertThat(page.sessions().size()).isLessThanOrEqualTo(2);
            page.sessions().forEach(s -> seen.add(s.id()));
            if (!page.sessions().isEmpty()) {
                last = page.sessions().getLast();
            }
            more = page.more();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        var starts = seen.stream().map(id -> bookings.session(id).orElseThrow().startsAt()).toList();
        assertThat(starts).isSorted();

        // from a later day, the earlier ones are not shown; a hostile type code finds nothing and breaks nothing
        LocalDate after = base.atZone(Times.ZONE).toLocalDate().plusDays(1);
        assertThat(bookings.sessionPage(after, type.code(), null, 20).sessions()).isEmpty();
        assertThat(bookings.sessionPage(today, "' OR 1=1 --", null, 20).sessions()).isEmpty();
        assertThat(bookings.sessionPage(today, type.code(), null, 5000).sessions()).hasSize(5);
        assertThatThrownBy(() -> bookings.sessionPage(null, null, null, 20)).isInstanceOf(InputProblem.class);
    }

    @Test
    void theConfirmationSaysTheWeekdayAndGoesAfterTheCommit() throws Exception {
        var type = data.groupType(2);
        Instant start = inDays(4);
        long session = data.session(type, sam, start, Duration.ofHours(1), 2);
        var fam = data.family("Ola");
        users.as(fam.username());
        String address = fam.username() + "@example.org";
        emails.saveMySetting(true, address);

        var booked = bookings.book(new BookingRequest(session, List.of(fam.parentKey()), null, null));
        assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booked.workerFirstName()).isEqualTo("Sam");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        String text = textOf(mailTo(address).getFirst());
        String when = Wording.when(start, start.plus(Duration.ofHours(1)), Locale.ENGLISH,
                clock.instant().atZone(Times.ZONE).getYear());
        assertThat(when).startsWith(start.atZone(Times.ZONE).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK));
        assertThat(text.replaceAll("\\s+", " ")).contains(when);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_telling WHERE family_id = ?").param(fam.id())
                .query(Integer.class).single()).as("the telling's row went with the telling (decision 105)").isZero();
    }

    /**
     * The statements of one booking and of the session list each find their rows through an index (EXPLAIN), so the
     * work does not grow with the table. The plans are printed (EXPLAIN-BOOKING lines) for docs/benchmarks.md.
     */
    @Test
    void everyCheckOfABookingAndTheSessionListUsesAnIndex() {
        var type = data.groupType(2);
        long session = data.session(type, sam, inDays(8), Duration.ofHours(1), 2);
        var fam = data.family("Pia");
        String now = "'2026-12-01 10:00:00'";
        var plans = new java.util.LinkedHashMap<String, String>();
        plans.put("session list, all types", "SELECT STRAIGHT_JOIN s.id FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                + " WHERE s.status = 'OPEN' AND s.starts_at >= " + now + " AND s.starts_at < '2027-01-01'"
                + " AND (s.starts_at > " + now + " OR s.id > 0) AND t.active ORDER BY s.starts_at, s.id LIMIT 21");
        plans.put("session list, one type", "SELECT s.id FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                + " WHERE s.status = 'OPEN' AND s.starts_at >= " + now + " AND s.starts_at < '2027-01-01'"
                + " AND (s.starts_at > " + now + " OR s.id > 0) AND t.active AND t.code = '" + type.code() + "'"
                + " ORDER BY s.starts_at, s.id LIMIT 21");
        plans.put("session and already in it (decision 097)", "SELECT s.id, EXISTS (SELECT 1 FROM booking b"
                + " WHERE b.active_session_id = s.id AND b.family_id = " + fam.id() + ") AS family_in FROM booking_session s"
                + " JOIN booking_type t ON t.id = s.type_id WHERE s.id = " + session);
        plans.put("retry key", "SELECT b.id FROM booking b WHERE b.family_id = " + fam.id() + " AND b.idempotency_key = 'k'");
        plans.put("already booked", "SELECT b.id FROM booking b WHERE b.active_session_id IN (" + session + ")"
                + " AND b.family_id = " + fam.id() + " LIMIT 1");
        plans.put("overlap", "SELECT DISTINCT m.name FROM booking b JOIN booking_member m ON m.booking_id = b.id"
                + " JOIN booking_session s ON s.id = b.session_id WHERE b.family_id = " + fam.id()
                + " AND m.person IN ('" + fam.parentKey() + "') AND b.status IN ('BOOKED', 'REQUESTED', 'ATTENDED')"
                + " AND s.status = 'OPEN' AND s.starts_at < '2027-01-01' AND s.ends_at > " + now + " AND s.id <> " + session);
        plans.put("take a place", "UPDATE booking_session SET places_taken = places_taken + 1 WHERE id = " + session
                + " AND status = 'OPEN' AND places_taken + 1 <= capacity AND starts_at > " + now);
        plans.put("family lock", "UPDATE booking_family SET version = version + 1 WHERE family_id = " + fam.id());
        plans.put("reminders due", "SELECT b.id FROM booking_session s JOIN booking b ON b.session_id = s.id"
                + " AND b.status = 'BOOKED' WHERE s.status = 'OPEN' AND s.starts_at > " + now
                + " AND s.starts_at <= '2026-12-02 10:00:00' AND b.reminder_sent_at IS NULL ORDER BY b.id LIMIT 200");
        // the plans follow the tables' statistics; other tests in this JVM may have just added thousands of rows the
        // statistics do not count yet (a full scan of booking was once chosen that way): count them first
        jdbc.sql("ANALYZE TABLE booking_session, booking, booking_member, booking_family").query((rs, i) -> 1).list();
        for (var e : plans.entrySet()) {
            var rows = jdbc.sql("EXPLAIN " + e.getValue()).query((rs, i) -> java.util.Map.of("table",
                    String.valueOf(rs.getString("table")), "type", String.valueOf(rs.getString("type")),
                    "key", String.valueOf(rs.getString("key")))).list();
            System.out.println("EXPLAIN-BOOKING " + e.getKey() + ": " + rows);
            for (var r : rows) {
                // "null" table: the optimizer already knows from a unique key that no row matches (nothing to read)
                if (!"t".equals(r.get("table")) && !"null".equals(r.get("table"))) {
                    // booking_type has five rows; the optimizer may read them all. Every booking table uses a key.
                    assertThat(r.get("type")).as(e.getKey() + " on " + r.get("table")).isNotEqualTo("ALL");
                    assertThat(r.get("key")).as(e.getKey() + " on " + r.get("table")).isNotEqualTo("null");
                }
            }
        }
    }

    private List<jakarta.mail.internet.MimeMessage> mailTo(String address) {
        return transport.inProcess().orElseThrow().received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String textOf(Part p) throws Exception {
        if (p.isMimeType("text/plain")) {
            return (String) p.getContent();
        }
        if (p.getContent() instanceof Multipart mp) {
            var out = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                out.append(textOf(mp.getBodyPart(i)));
            }
            return out.toString();
        }
        return "";
    }
}
