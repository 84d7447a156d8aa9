package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.notification.Emails;

/**
 * Families are told about booking changes through a row of the booking module's own (decision 105): written in the
 * change's transaction, taken (deleted) by the telling's. A row left behind by a stop is told by the job; two takers
 * at once tell once; a telling that fails leaves nothing half-done and waits to be tried again; a booking made inside
 * a caller's transaction is told after that commits, and not at all when it rolls back; the registry's rows of the
 * old event become rows here (V43).
 */
class BookingTellingIT extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    Emails emails;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;

    BookingFixture data;
    long sam;

    @BeforeEach
    void setUp() {
        data = new BookingFixture(jdbc);
        sam = data.workerId("worker.sam");
    }

    /** Families made here: their telling rows go afterwards whatever happened (other tests wait for theirs). */
    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void signOutAndTidy() {
        users.anonymous();
        made.forEach(f -> jdbc.sql("DELETE FROM booking_telling WHERE family_id = ?").param(f).update());
    }

    private Instant inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private BookingFixture.Fam family(String child) {
        var fam = data.family(child);
        made.add(fam.id());
        return fam;
    }

    private BookingFixture.Fam familyWithMail(String child) {
        var fam = family(child);
        users.as(fam.username());
        emails.saveMySetting(true, fam.username() + "@example.org");
        return fam;
    }

    private int mailsFor(BookingFixture.Fam f) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_email WHERE account_id = ?").param(f.parentId())
                .query(Integer.class).single();
    }

    private int notices(BookingFixture.Fam f, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND text_key = ?")
                .params(f.parentId(), key).query(Integer.class).single();
    }

    private int tellingRows(BookingFixture.Fam f) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_telling WHERE family_id = ?").param(f.id())
                .query(Integer.class).single();
    }

    /** A telling's row as a change writes it, with nobody handed it (the portal stopped right after the commit). */
    private long leftBehind(BookingFixture.Fam f, String bookingIds, String mailKey, String noticeKey, String link,
                            Instant due) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        var now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO booking_telling (family_id, booking_ids, sequences, cancelled, mail_key, notice_key,"
                        + " notice_link, created_at, next_try_at) VALUES (?, ?, ?, FALSE, ?, ?, ?, ?, ?)")
                .params(f.id(), bookingIds, bookingIds.isEmpty() ? "" : "0", mailKey, noticeKey, link, now,
                        LocalDateTime.ofInstant(due, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Test
    void aTellingLeftBehindByAStopIsToldByTheJobOnceItIsDue() {
        long session = data.session(data.groupType(4), sam, inDays(6), Duration.ofHours(1), 4);
        var fam = familyWithMail("Tia");
        var booked = bookings.book(new BookingRequest(session, List.of(fam.parentKey()), null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsFor(fam) == 1 && tellingRows(fam) == 0);

        // the same change's telling, left in its row as a stop right after the commit would leave it; and one not due
        leftBehind(fam, String.valueOf(booked.id()), "booking.email.booked.body", null, null,
                clock.instant().minusSeconds(1));
        long later = leftBehind(fam, "", null, "booking.notice.offerEnded", "/my-sessions",
                clock.instant().plus(Duration.ofHours(1)));
        bookings.tellOutstanding(clock.instant(), 500);

        await().atMost(Duration.ofSeconds(10)).until(() -> mailsFor(fam) == 2);
        assertThat(jdbc.sql("SELECT id FROM booking_telling WHERE family_id = ?").param(fam.id()).query(Long.class)
                .list()).as("the due row was taken; the one not yet due waits").containsExactly(later);
        assertThat(notices(fam, "booking.notice.offerEnded")).isZero();
        jdbc.sql("DELETE FROM booking_telling WHERE id = ?").param(later).update();
    }

    @Test
    void aBookingIsToldOnceWhetherOrNotAParentWantsEmail() {
        // decision 108: with nobody wanting e-mail the telling only takes its row (a plain JDBC transaction); with
        // e-mail on, that transaction is rolled back and the e-mail is made in the JPA one: once, in both cases
        long session = data.session(data.groupType(4), sam, inDays(8), Duration.ofHours(1), 4);
        var quiet = family("Wes");
        users.as(quiet.username());
        bookings.book(new BookingRequest(session, List.of(quiet.parentKey()), null, null));
        var mailed = familyWithMail("Vic");
        bookings.book(new BookingRequest(session, List.of(mailed.parentKey()), null, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(quiet) == 0 && tellingRows(mailed) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsFor(mailed) == 1);
        assertThat(mailsFor(quiet)).isZero();
        assertThat(mailsFor(mailed)).as("told once").isEqualTo(1);
    }

    /**
     * Decision 110: a change whose telling is an e-mail and nothing else (a place booked, an offer taken, a place given
     * back) writes no telling row when none of the family's parents is to be e-mailed, and nobody is e-mailed; with
     * e-mail on, each of the same changes is told once, as before. Inside a caller's transaction the row (if any) is
     * there until the commit, so "no row" is seen for certain, not raced against the after-commit thread.
     */
    @Test
    void aChangeNobodyIsToBeEmailedAboutWritesNoTellingRow() {
        for (boolean mailOn : List.of(false, true)) {
            long session = data.session(data.groupType(1), sam, inDays(mailOn ? 10 : 9), Duration.ofHours(1), 1);
            var first = family("Yan");
            var fam = mailOn ? familyWithMail("Zoe") : family("Zak");
            int before = mailsFor(fam); // switching e-mail on may have sent one of its own
            users.as(first.username());
            var firstBooking = bookings.book(new BookingRequest(session, List.of(first.parentKey()), null, null));
            users.as(fam.username());
            var waiting = bookings.joinWaitingList(new BookingRequest(session, List.of(fam.parentKey()), null, null));
            assertThat(waiting.status()).isEqualTo(BookingStatus.WAITING);
            users.as(first.username());
            bookings.cancel(firstBooking.id()); // the place is offered to fam: a notice (and an e-mail when on)
            await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0 && tellingRows(first) == 0
                    && notices(fam, "booking.notice.offer") == 1);
            int offerMails = mailsFor(fam);
            // (the offer's telling, unchanged here, has a notice too, which may bring an e-mail of its own)
            assertThat(offerMails - before > 0).as("the offer e-mailed, e-mail " + mailOn).isEqualTo(mailOn);

            users.as(fam.username());
            transactions.executeWithoutResult(s -> {
                assertThat(bookings.acceptOffer(waiting.id()).status()).isEqualTo(BookingStatus.BOOKED);
                assertThat(tellingRows(fam)).as("taking the offer, e-mail " + mailOn).isEqualTo(mailOn ? 1 : 0);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0 && mailsFor(fam) == offerMails + (mailOn ? 1 : 0));
            transactions.executeWithoutResult(s -> {
                bookings.cancel(waiting.id());
                assertThat(tellingRows(fam)).as("giving the place back, e-mail " + mailOn).isEqualTo(mailOn ? 1 : 0);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0 && mailsFor(fam) == offerMails + (mailOn ? 2 : 0));

            long other = data.session(data.groupType(4), sam, inDays(mailOn ? 12 : 11), Duration.ofHours(1), 4);
            transactions.executeWithoutResult(s -> {
                bookings.book(new BookingRequest(other, List.of(fam.parentKey()), null, null));
                assertThat(tellingRows(fam)).as("booking, e-mail " + mailOn).isEqualTo(mailOn ? 1 : 0);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0 && mailsFor(fam) == offerMails + (mailOn ? 3 : 0));
            assertThat(mailsFor(fam) - offerMails).as("each told once, e-mail " + mailOn).isEqualTo(mailOn ? 3 : 0);
            assertThat(mailsFor(first)).isZero();
        }
    }

    @Test
    void twoTakersAtOnceTellTheFamilyOnce() throws Exception {
        var fam = family("Uma");
        for (int round = 0; round < 5; round++) {
            leftBehind(fam, "", null, "booking.notice.requestDeclined", "/my-sessions", clock.instant().minusSeconds(1));
            var both = new CyclicBarrier(2);
            var pool = Executors.newFixedThreadPool(2);
            var done = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                done.add(pool.submit(() -> {
                    both.await(30, TimeUnit.SECONDS);
                    return bookings.tellOutstanding(clock.instant(), 500);
                }));
            }
            for (var d : done) {
                d.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
            int r = round + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0);
            assertThat(notices(fam, "booking.notice.requestDeclined")).as("told once per row, round " + r).isEqualTo(r);
        }
    }

    @Test
    void aTellingThatFailsLeavesNothingHalfDoneAndIsTriedAgainLater() {
        var fam = family("Vic");
        // a hostile link makes the notice refuse: the whole telling rolls back, its row stays for later
        long id = leftBehind(fam, "", null, "booking.notice.offerEnded", "javascript:alert(1)",
                clock.instant().minusSeconds(1));
        Instant before = clock.instant();
        bookings.tellOutstanding(before, 500);

        var row = jdbc.sql("SELECT attempts, next_try_at FROM booking_telling WHERE id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)})
                .single();
        assertThat((Integer) row[0]).as("the try is counted").isGreaterThanOrEqualTo(1);
        assertThat((Instant) row[1]).as("put off by about a minute at least").isAfter(before.plusSeconds(50));
        assertThat(notices(fam, "booking.notice.offerEnded")).as("nothing half-done").isZero();
        assertThat(bookings.tellOutstanding(before, 500)).as("not due again yet").isZero();

        // once the cause is gone and it is due again, the job tells the family
        jdbc.sql("UPDATE booking_telling SET notice_link = '/my-sessions', next_try_at = ? WHERE id = ?")
                .params(LocalDateTime.ofInstant(before.minusSeconds(1), ZoneOffset.UTC), id).update();
        bookings.tellOutstanding(clock.instant(), 500);
        await().atMost(Duration.ofSeconds(10)).until(() -> tellingRows(fam) == 0);
        assertThat(notices(fam, "booking.notice.offerEnded")).isEqualTo(1);
    }

    @Test
    void aBookingInsideACallersTransactionIsToldAfterItCommitsAndNotAtAllWhenItRollsBack() {
        var type = data.groupType(4);
        long session = data.session(type, sam, inDays(7), Duration.ofHours(1), 4);
        long other = data.session(type, sam, inDays(8), Duration.ofHours(1), 4);
        var fam = familyWithMail("Wes");

        var booked = transactions.execute(s -> {
            var view = bookings.book(new BookingRequest(session, List.of(fam.parentKey()), null, null));
            assertThat(tellingRows(fam)).as("written in the caller's transaction").isEqualTo(1);
            return view;
        });
        assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsFor(fam) == 1 && tellingRows(fam) == 0);

        transactions.executeWithoutResult(s -> {
            bookings.book(new BookingRequest(other, List.of(fam.parentKey()), null, null));
            s.setRollbackOnly();
        });
        assertThat(data.placesTaken(other)).isZero();
        assertThat(tellingRows(fam)).as("the telling went with the rolled-back change").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking WHERE session_id = ?").param(other).query(Integer.class)
                .single()).isZero();
    }

    /**
     * The booking paths run on a plain JDBC transaction, inside which the registry's JPA-managed insert cannot run
     * (decision 105), nor a JPA-managed listener. No listener may therefore hear the events published there; a module
     * that needs to hear of bookings must get a telling of its own (or the paths must go back to a JPA transaction).
     */
    @Test
    void noRegistryKeptListenerHearsOfEventsPublishedInsideTheBookingTransaction() {
        var listening = new ArrayList<String>();
        var all = new ArrayList<String>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type;
            try {
                type = context.getType(name, false);
            } catch (RuntimeException unknown) {
                continue;
            }
            if (type == null) {
                continue;
            }
            ReflectionUtils.doWithMethods(org.springframework.util.ClassUtils.getUserClass(type), m -> {
                if (AnnotatedElementUtils.hasAnnotation(m, TransactionalEventListener.class)) {
                    all.add(name + "." + m.getName());
                }
                // any listener: one kept by the registry, or a plain one running inside the booking's transaction (which
                // must not start a JPA transaction there either)
                if (AnnotatedElementUtils.hasAnnotation(m, org.springframework.context.event.EventListener.class)
                        && m.getParameterCount() == 1
                        && (m.getParameterTypes()[0].isAssignableFrom(SessionBooked.class)
                        || m.getParameterTypes()[0].isAssignableFrom(BookingCancelled.class))) {
                    listening.add(name + "." + m.getName());
                }
            });
        }
        assertThat(all).as("the scan sees the registry's listeners (e-mail, urgent alerts)").isNotEmpty();
        assertThat(listening).isEmpty();
    }

    /** V43 turns the registry's unfinished rows of the old event into telling rows, and drops the registry's rows. */
    @Test
    void theRegistrysUnfinishedTellingsBecomeRowsHere() throws Exception {
        var fam = family("Xan");
        String id = java.util.UUID.randomUUID().toString();
        String done = java.util.UUID.randomUUID().toString();
        // not due for a day, so the job leaves it alone while this test looks at it
        var later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        String json = "{\"familyId\":" + fam.id() + ",\"bookingIds\":[11, 12],\"sequences\":[0, 3],\"cancelled\":true,"
                + "\"mailKey\":\"booking.email.cancelled.body\",\"noticeKey\":null,\"noticeLink\":null}";
        for (String publication : List.of(id, done)) {
            jdbc.sql("INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE,"
                            + " COMPLETION_DATE, STATUS) VALUES (?, 'org.village.booking.Bookings.tell(org.village.booking.FamilyToBeTold)',"
                            + " 'org.village.booking.FamilyToBeTold', ?, ?, ?, ?)")
                    .params(publication, json, later, publication.equals(done) ? later : null,
                            publication.equals(done) ? "COMPLETED" : "PUBLISHED").update();
        }
        String migration = Files.readString(Path.of("db/migration/V43__booking_telling.sql"));
        String conversion = migration.substring(migration.indexOf("-- Tellings the registry"));
        String statements = conversion.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        try {
            for (String statement : statements.split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement.strip()).update();
                }
            }
            assertConverted(fam, later, id, done);
        } finally {
            jdbc.sql("DELETE FROM booking_telling WHERE family_id = ?").param(fam.id()).update();
            jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE ID IN (?, ?)").params(id, done).update();
        }
    }

    private void assertConverted(BookingFixture.Fam fam, LocalDateTime later, String id, String done) {
        var row = jdbc.sql("SELECT booking_ids, sequences, cancelled, mail_key, notice_key, notice_link, next_try_at"
                        + " FROM booking_telling WHERE family_id = ?").param(fam.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        String.valueOf(rs.getString(5)), String.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDateTime.class).withNano(0)))
                .single();
        assertThat(row).containsExactly("11,12", "0,3", true, "booking.email.cancelled.body", "null", "null",
                later.withNano(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE ID IN (?, ?)").params(id, done)
                .query(Integer.class).single()).isZero();
    }
}
