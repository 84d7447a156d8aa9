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
import org.village.ProcessCpu;
import org.village.shared.InputProblem;
import org.village.ServerStatements;

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
        family = f.id();
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
            var a = ServerStatements.now(jdbc);
            var view = bookings.book(new BookingRequest(session, List.of(f.parentKey(), f.childKey(0)), null, null));
            var b = ServerStatements.now(jdbc);
            drained();
            var c = ServerStatements.now(jdbc);
            ServerStatements.addDifference(booked, a, b);
            ServerStatements.addDifference(told, b, c);
            a = ServerStatements.now(jdbc);
            try {
                bookings.book(new BookingRequest(full, List.of(f.parentKey()), null, null));
            } catch (InputProblem expected) {
                assertThat(expected.key()).isEqualTo(Bookings.FULL);
            }
            b = ServerStatements.now(jdbc);
            ServerStatements.addDifference(refused, a, b);
            a = ServerStatements.now(jdbc);
            bookings.cancel(view.id());
            b = ServerStatements.now(jdbc);
            ServerStatements.addDifference(cancelled, a, b);
            drained();
        }
        print("book (the call)", booked);
        print("book (telling after the commit, incl. polls)", told);
        print("full refusal", refused);
        print("cancel (the call)", cancelled);

        // the statements of one booking, as the server received them (general log to a table, this booking only)
        long logged = data.session(type, sam, base.plus(Duration.ofHours(2L * ROUNDS)), Duration.ofHours(1), 4);
        drained();
        jdbc.sql("SET GLOBAL log_output = 'TABLE'").update();
        jdbc.sql("TRUNCATE mysql.general_log").update();
        jdbc.sql("SET GLOBAL general_log = 1").update();
        var one = bookings.book(new BookingRequest(logged, List.of(f.parentKey(), f.childKey(0)), null, null));
        drained(); // and the telling after the commit (on other connections: other thread ids)
        jdbc.sql("SET GLOBAL general_log = 0").update();
        jdbc.sql("SELECT thread_id, command_type, LEFT(CAST(argument AS CHAR), 160) FROM mysql.general_log")
                .query((java.sql.ResultSet rs) -> {
                    System.out.println("BOOKING-STATEMENT " + rs.getLong(1) + " " + rs.getString(2) + " "
                            + rs.getString(3).replaceAll("\\s+", " "));
                });
        bookings.cancel(one.id());
        drained();

        // CPU per booking (decision 101): the calling thread's CPU (the portal's part of the call, not the telling on
        // other threads) and the embedded server's CPU (ticks of 10 ms from /proc/<pid>/stat, fields 14 and 15), for
        // a fixed number of bookings and cancellations, one at a time; CPU hardly depends on the machine's load
        int n = Integer.getInteger("bench.cpu.bookings", 300);
        var sessions = new java.util.ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            sessions.add(data.session(type, sam, base.plus(Duration.ofDays(20)).plus(Duration.ofHours(2L * i)),
                    Duration.ofHours(1), 4));
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        drained();
        long bookNanos = 0;
        long cancelNanos = 0;
        long db0 = ProcessCpu.databaseTicks();
        long portal0 = process.getProcessCpuTime();
        var ids = new java.util.ArrayList<Long>();
        for (long s : sessions) {
            long t0 = threads.getCurrentThreadCpuTime();
            ids.add(bookings.book(new BookingRequest(s, List.of(f.parentKey(), f.childKey(0)), null, null)).id());
            bookNanos += threads.getCurrentThreadCpuTime() - t0;
        }
        drained();
        long db1 = ProcessCpu.databaseTicks();
        long portal1 = process.getProcessCpuTime();
        for (long id : ids) {
            long t0 = threads.getCurrentThreadCpuTime();
            bookings.cancel(id);
            cancelNanos += threads.getCurrentThreadCpuTime() - t0;
        }
        drained();
        long db2 = ProcessCpu.databaseTicks();
        long portal2 = process.getProcessCpuTime();
        System.out.printf("BOOKING-CPU %d bookings: calling thread %.3f ms per booking, database %.3f ms per booking"
                        + " (incl. the telling's statements); cancellations: %.3f ms and %.3f ms%n", n,
                bookNanos / 1e6 / n, (db1 - db0) * 10.0 / n, cancelNanos / 1e6 / n, (db2 - db1) * 10.0 / n);
        // the whole portal process (decision 055): the call plus the telling after it on the booking-news threads,
        // the registry's completion, and whatever else the JVM did meanwhile (GC, JIT, the test's polls)
        System.out.printf("BOOKING-CPU-PROCESS portal process %.3f ms per booking (incl. the telling), %.3f ms per"
                + " cancellation%n", (portal1 - portal0) / 1e6 / n, (portal2 - portal1) / 1e6 / n);
    }


    /** The family booking here: only its tellings are waited for (decision 105). */
    private long family;

    private void drained() {
        // the tellings (decision 105) and whatever they queued through the registry (e-mails)
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT (SELECT COUNT(*) FROM booking_telling"
                + " WHERE family_id = ?) + (SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL)")
                .param(family).query(Integer.class).single() == 0);
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
