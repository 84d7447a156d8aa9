package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.village.IntegrationTest;
import org.village.shared.InputProblem;

/**
 * Not a test (the name matches neither *Test nor *IT): counts the statements the embedded MariaDB receives for one
 * booking, one "full" refusal and one cancellation, one attempt at a time, from the server's own counters
 * ({@code SHOW GLOBAL STATUS LIKE 'Com_%'}), so the round trips of {@link Bookings#book} can be seen and cut
 * (decision 097). The figures include the telling after the commit (e-mails, notices) where it says so.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=BookingRoundTripsBenchmark -Dskip.e2e=true
 *      -Dvillage.own-context.skip=true
 */
class BookingRoundTripsBenchmark extends IntegrationTest {

    private static final int ROUNDS = 20;

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void count() {
        var data = new BookingFixture(jdbc);
        long sam = data.workerId("worker.sam");
        var type = data.groupType(4);
        Instant base = clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var f = data.family("Ana", "Ben");
        var user = userDetails.loadUserByUsername(f.username());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        long full = data.session(type, sam, base.minus(Duration.ofHours(5)), Duration.ofHours(1), 1);
        jdbc.sql("UPDATE booking_session SET places_taken = 1 WHERE id = ?").param(full).update();

        var booked = new TreeMap<String, Long>();
        var told = new TreeMap<String, Long>();
        var refused = new TreeMap<String, Long>();
        var cancelled = new TreeMap<String, Long>();
        for (int i = 0; i < ROUNDS; i++) {
            long session = data.session(type, sam, base.plus(Duration.ofHours(2L * i)), Duration.ofHours(1), 4);
            drained();
            var a = counters();
            var view = bookings.book(new BookingRequest(session, List.of(f.parentKey(), f.childKey(0)), null, null));
            var b = counters();
            drained();
            var c = counters();
            add(booked, a, b);
            add(told, b, c);
            a = counters();
            try {
                bookings.book(new BookingRequest(full, List.of(f.parentKey()), null, null));
            } catch (InputProblem expected) {
                assertThat(expected.key()).isEqualTo(Bookings.FULL);
            }
            b = counters();
            add(refused, a, b);
            a = counters();
            bookings.cancel(view.id());
            b = counters();
            add(cancelled, a, b);
            drained();
        }
        print("book (the call)", booked);
        print("book (telling after the commit, incl. polls)", told);
        print("full refusal", refused);
        print("cancel (the call)", cancelled);
    }

    private void drained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION"
                + " WHERE COMPLETION_DATE IS NULL").query(Integer.class).single() == 0);
    }

    private Map<String, Long> counters() {
        var out = new TreeMap<String, Long>();
        jdbc.sql("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com\\_%' OR Variable_name = 'Questions'")
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static void add(Map<String, Long> into, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (k.equals("Com_show_status") || k.equals("Questions")) {
                d -= 1; // the counters' own query
            }
            if (d != 0) {
                into.merge(k, d, Long::sum);
            }
        });
    }

    private static void print(String what, Map<String, Long> sums) {
        var sb = new StringBuilder("BOOKING-ROUND-TRIPS " + what + " per attempt:");
        sums.forEach((k, v) -> {
            if (v != 0) {
                sb.append(String.format(" %s=%.1f", k, v / (double) ROUNDS));
            }
        });
        System.out.println(sb);
    }
}
