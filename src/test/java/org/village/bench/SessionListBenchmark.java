package org.village.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.booking.Availability;
import org.village.booking.Bookings;
import org.village.booking.SessionTypes;
import org.village.security.AccountService;
import org.village.shared.Times;

/**
 * Not a test (the name matches neither *Test nor *IT): 200 workers' weekly availability made by
 * {@link AvailabilityGenerator} through the real path, then the parents' session list for a month
 * ({@link Bookings#sessions}, all types and one type) timed server-side, p50/p95 over a bounded number of rounds.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=SessionListBenchmark -Dskip.e2e=true
 *      (-Dbench.workers=200 -Dbench.rounds=300 to change the size; results on the console)
 */
class SessionListBenchmark extends IntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    Availability availability;
    @Autowired
    SessionTypes types;
    @Autowired
    Bookings bookings;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void measure() {
        int workers = Integer.getInteger("bench.workers", 200);
        int rounds = Integer.getInteger("bench.rounds", 300);
        var made = new AvailabilityGenerator(accounts, availability, types, users, jdbc, clock).generate(workers, "bench");
        System.out.printf("generated: %d workers, %d weekly rules, %d sessions in %.1f s (%.1f ms per rule)%n",
                made.workers(), made.rules(), made.sessions(), made.seconds(), made.seconds() * 1000 / made.rules());
        LocalDate from = LocalDate.now(clock.withZone(Times.ZONE));
        LocalDate to = from.plusMonths(1);
        users.as("parent.a");
        try {
            for (String type : new String[] {null, "parent-support"}) {
                var times = new ArrayList<Double>();
                int shown = 0;
                long deadline = System.nanoTime() + 60_000_000_000L; // at most a minute each
                for (int i = 0; i < rounds && System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    shown = bookings.sessions(from, to, type).size();
                    times.add((System.nanoTime() - t0) / 1e6);
                }
                System.out.printf("month list (type %s): %d sessions shown, %d rounds, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        type == null ? "all" : type, shown, times.size(), pct(times, 50), pct(times, 95),
                        Collections.max(times));
            }
            // what the page now asks for (decision 096): 20 sessions from today, then the page after a point mid-month
            for (String type : new String[] {null, "parent-support"}) {
                var first = new ArrayList<Double>();
                var later = new ArrayList<Double>();
                long deadline = System.nanoTime() + 60_000_000_000L;
                var mid = bookings.sessionPage(from.plusDays(14), type, null, 20).sessions();
                var after = mid.isEmpty() ? null : mid.getLast();
                for (int i = 0; i < rounds && System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    bookings.sessionPage(from, type, null, 20);
                    first.add((System.nanoTime() - t0) / 1e6);
                    long t1 = System.nanoTime();
                    bookings.sessionPage(from, type, after, 20);
                    later.add((System.nanoTime() - t1) / 1e6);
                }
                System.out.printf("page of 20 (type %s): %d rounds, first page p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                                + " a later page (mid-month) p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        type == null ? "all" : type, first.size(), pct(first, 50), pct(first, 95), Collections.max(first),
                        pct(later, 50), pct(later, 95), Collections.max(later));
            }
        } finally {
            users.anonymous();
        }
    }

    private static double pct(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
