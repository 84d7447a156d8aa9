package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestUsers;

/**
 * Decision 114: a change of a booking's status takes no lock on its session's row. The foreign key from a booking to
 * its session is checked on an index of its own (V45), which a status change never rewrites; on the waiting line's
 * index it was checked at every status change, with a shared lock on the session's row: a cancellation then asked
 * to upgrade it to give its place back (two at once deadlocked), and taking an offer waited behind every booking of
 * the session. Here the session's row is held by another transaction while a family takes its offer and another
 * leaves the waiting line: both finish while it is held.
 */
class BookingSessionRowLockIT extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestUsers users;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    @Test
    void takingAnOfferAndLeavingTheLineDoNotWaitForTheSessionsRow() throws Exception {
        var data = new BookingFixture(jdbc);
        long session = data.session(data.groupType(1), data.workerId("worker.sam"),
                clock.instant().plus(Duration.ofDays(30)), Duration.ofHours(1), 1);
        var a = data.family();
        var b = data.family();
        var c = data.family();
        users.as(a.username());
        var aBooking = bookings.book(new BookingRequest(session, List.of(a.parentKey()), null, null));
        users.as(b.username());
        var bWaiting = bookings.joinWaitingList(new BookingRequest(session, List.of(b.parentKey()), null, null));
        users.as(c.username());
        var cWaiting = bookings.joinWaitingList(new BookingRequest(session, List.of(c.parentKey()), null, null));
        users.as(a.username());
        bookings.cancel(aBooking.id());
        assertThat(data.status(bWaiting.id())).isEqualTo("OFFERED");
        users.anonymous();

        var pool = Executors.newFixedThreadPool(2);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                // the session's row held, as a booking of the session holds it from its place until its commit
                jdbc.sql("SELECT id FROM booking_session WHERE id = ? FOR UPDATE").param(session).query(Long.class).single();
                var accepted = CompletableFuture.supplyAsync(() -> as(b, () -> bookings.acceptOffer(bWaiting.id())), pool);
                var left = CompletableFuture.supplyAsync(() -> as(c, () -> {
                    bookings.cancel(cWaiting.id());
                    return null;
                }), pool);
                try {
                    // (before V45 both waited here until this transaction ended: the server's lock wait is 50 s)
                    assertThat(accepted.get(20, TimeUnit.SECONDS).status()).isEqualTo(BookingStatus.BOOKED);
                    left.get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("a status change waited for the session's row", e);
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.status(bWaiting.id())).isEqualTo("BOOKED");
        assertThat(data.status(cWaiting.id())).isEqualTo("CANCELLED");
        assertThat(data.placesTaken(session)).isEqualTo(1);
    }

    private <T> T as(BookingFixture.Fam f, java.util.function.Supplier<T> work) {
        users.as(f.username());
        try {
            return work.get();
        } finally {
            users.anonymous();
        }
    }
}
