package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;

/**
 * Decision 101: a booking's transaction is READ COMMITTED (decision 090 needs it) although it is asked for with
 * {@code SET TRANSACTION} inside the transaction instead of by the transaction manager, and the connection goes back
 * to the pool at the server's default level. Seen from the server while the booking waits for the family's lock.
 */
class BookingIsolationIT extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void aBookingRunsReadCommittedAndLeavesTheConnectionAsItWas() throws Exception {
        var data = new BookingFixture(jdbc);
        var f = data.family("Iris");
        long session = data.session(data.groupType(4), data.workerId("worker.sam"),
                clock.instant().plus(Duration.ofDays(40)), Duration.ofHours(1), 4);
        jdbc.sql("INSERT INTO booking_family (family_id) VALUES (?) ON DUPLICATE KEY UPDATE version = version + 1")
                .param(f.id()).update();
        var user = userDetails.loadUserByUsername(f.username());
        var pool = Executors.newSingleThreadExecutor();
        try {
            var levels = new TransactionTemplate(transactions).execute(status -> {
                // hold the family's lock row, so the booking waits inside its transaction where the server shows it
                jdbc.sql("SELECT family_id FROM booking_family WHERE family_id = ? FOR UPDATE").param(f.id())
                        .query(Long.class).single();
                var booking = CompletableFuture.supplyAsync(() -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            user.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    try {
                        return bookings.book(new BookingRequest(session, List.of(f.parentKey()), null, null));
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }, pool);
                var waiting = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                                "SELECT trx_isolation_level FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'"
                                        + " AND trx_query LIKE 'INSERT INTO booking_family%'")
                        .query(String.class).list(), l -> !l.isEmpty());
                return new Object[] {waiting, booking};
            });
            assertThat(((List<?>) levels[0]).stream().map(String::valueOf).toList()).containsOnly("READ COMMITTED");
            @SuppressWarnings("unchecked")
            var booked = ((CompletableFuture<BookingView>) levels[1]).get(30, TimeUnit.SECONDS);
            assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        } finally {
            pool.shutdownNow();
        }
        // SET TRANSACTION (not SESSION) leaves the connection's own level as it was: the server's default
        assertThat(jdbc.sql("SELECT @@SESSION.transaction_isolation").query(String.class).single())
                .isEqualTo("REPEATABLE-READ");
    }
}
