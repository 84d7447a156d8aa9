package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.ProcessCpu;
import org.village.shared.InputProblem;

/**
 * The three rules hold under load (decision 090): 16 threads, more than 10,000 attempts in all, against one hot
 * session and many overlapping ones, mixing booking, cancelling and rebooking, the waiting list, taking offers and a
 * worker changing capacities. Afterwards the database holds 0 overbookings, 0 families twice in a session and 0
 * people in two overlapping sessions. A deliberately naive check-then-insert path (in this test only) run the same way
 * is caught by the same checks, which shows the checks can see what they look for.
 */
class BookingConcurrencyIT extends IntegrationTest {

    static final int THREADS = 16;
    static final int HOT_ATTEMPTS_PER_THREAD = 260;
    static final int MIXED_ATTEMPTS_PER_THREAD = 400;

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Authentication auth(String username) {
        var user = userDetails.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static void actAs(Authentication a) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(a);
        SecurityContextHolder.setContext(context);
    }

    record Outcomes(AtomicInteger booked, AtomicInteger full, AtomicInteger refused, AtomicInteger other,
                    Map<String, AtomicInteger> otherKinds) {
        static Outcomes start() {
            return new Outcomes(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                    new ConcurrentHashMap<>());
        }
    }

    @Test
    void sixteenThreadsNeverOverbookDoubleBookOrOverlap() throws Exception {
        var data = new BookingFixture(jdbc);
        long sam = data.workerId("worker.sam");
        long alex = data.workerId("worker.alex");
        Instant base = clock.instant().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var type = data.groupType(4);
        long hot = data.session(type, sam, base, Duration.ofHours(1), 4);
        // many sessions, each overlapping the next (30 minutes apart, an hour long), with two workers
        var many = new ArrayList<Long>();
        for (int i = 0; i < 40; i++) {
            many.add(data.session(type, i % 2 == 0 ? sam : alex, base.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(30L * i)),
                    Duration.ofHours(1), 1 + i % 3));
        }
        var families = new ArrayList<BookingFixture.Fam>();
        var auths = new ArrayList<Authentication>();
        for (int i = 0; i < 48; i++) {
            var f = data.family("Ana" + i, "Ben" + i);
            families.add(f);
            LOADED.add(f.id());
            auths.add(auth(f.username()));
        }
        // a worker changes capacities only on sessions they run (Bookings.requireRunsSession)
        var samAuth = auth("worker.sam");
        var alexAuth = auth("worker.alex");
        var runner = new java.util.HashMap<Long, Authentication>();
        runner.put(hot, samAuth);
        for (int i = 0; i < many.size(); i++) {
            runner.put(many.get(i), i % 2 == 0 ? samAuth : alexAuth);
        }
        java.util.function.LongFunction<Authentication> worker = runner::get;

        var all = new ArrayList<Long>(many);
        all.add(hot);

        long portal0 = ProcessCpu.portalNanos();
        long db0 = ProcessCpu.databaseTicks();
        var hotRun = run("hot", THREADS, HOT_ATTEMPTS_PER_THREAD, families, auths, worker, List.of(hot));
        var mixedRun = run("mixed", THREADS, MIXED_ATTEMPTS_PER_THREAD, families, auths, worker, all);
        int attempts = hotRun.attempts + mixedRun.attempts;

        long drainStart = System.nanoTime();
        familiesAllTold(families.stream().map(BookingFixture.Fam::id).toList());
        System.out.printf("BOOKING-CONCURRENCY hot: %s%nBOOKING-CONCURRENCY mixed: %s%n", hotRun, mixedRun);
        System.out.printf("BOOKING-CONCURRENCY after the runs, every family told (e-mails queued, notices) within %.1f s%n",
                (System.nanoTime() - drainStart) / 1e9);
        // CPU per attempt over both runs and the telling after them (decision 055): the portal process (this JVM, so
        // also the test's own reads) and the embedded MariaDB, which share the machine's cores
        System.out.printf("BOOKING-CONCURRENCY CPU per attempt (both runs and the telling): portal %.2f ms, database %.2f ms%n",
                (ProcessCpu.portalNanos() - portal0) / 1e6 / attempts, (ProcessCpu.databaseTicks() - db0) * 10.0 / attempts);
        assertThat(attempts).isGreaterThanOrEqualTo(10_000);
        assertThat(hotRun.outcomes.booked.get()).as("some bookings succeeded").isPositive();
        assertThat(hotRun.outcomes.full.get()).as("the hot session was full for many").isPositive();
        assertThat(hotRun.outcomes.other.get() + mixedRun.outcomes.other.get())
                .as("no unexpected errors: " + hotRun.outcomes.otherKinds + mixedRun.outcomes.otherKinds).isZero();

        assertThat(overbookings(all)).as("sessions with more places held than capacity").isZero();
        assertThat(counterDrift(all)).as("places_taken equal to the places bookings hold").isZero();
        assertThat(familyTwiceInASession(all)).isZero();
        assertThat(personInOverlappingSessions(all)).isZero();
        assertThat(bookedCount(all)).as("the rules still let people book").isPositive();
    }

    @Test
    void theChecksCatchANaiveCheckThenInsertPath() throws Exception {
        familiesAllTold(LOADED); // the other test's e-mails and notices are made on other threads; let them finish first
        var data = new BookingFixture(jdbc);
        long sam = data.workerId("worker.sam");
        Instant base = clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        // two small sessions at the same time (for overbooking) and a row of big ones each overlapping the next
        // (for one person in two sessions at once)
        var type = data.groupType(2);
        var sessions = new ArrayList<Long>();
        sessions.add(data.session(type, sam, base, Duration.ofHours(1), 2));
        sessions.add(data.session(type, sam, base.plus(Duration.ofDays(1)), Duration.ofHours(1), 2));
        for (int i = 0; i < 20; i++) {
            sessions.add(data.session(type, sam, base.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(30L * i)),
                    Duration.ofHours(1), 50));
        }
        var families = new ArrayList<BookingFixture.Fam>();
        for (int i = 0; i < 12; i++) {
            families.add(data.family("Cy" + i));
        }
        int rounds = 0;
        while (rounds < 5 && overbookings(sessions) == 0) {
            rounds++;
            var pool = Executors.newFixedThreadPool(THREADS);
            var start = new CountDownLatch(1);
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    start.await();
                    var random = ThreadLocalRandom.current();
                    for (int i = 0; i < 60; i++) {
                        // small sessions with many families; big ones with three families, so one family often
                        // books two overlapping sessions at the same moment from two threads
                        boolean small = random.nextBoolean();
                        var f = families.get(random.nextInt(small ? families.size() : 3));
                        naiveBook(sessions.get(small ? random.nextInt(2) : 2 + random.nextInt(sessions.size() - 2)), f,
                                BookingConcurrencyIT::aBusyMoment);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        // The random rounds above double-book a person only now and then: each family's timeline fills up within the
        // first moments. So the race the overlap check looks for is also made on purpose: one family books two
        // overlapping sessions from two threads that have both read "no clash" before either writes.
        long first = data.session(type, sam, base.plus(Duration.ofDays(4)), Duration.ofHours(1), 5);
        long second = data.session(type, sam, base.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(30)),
                Duration.ofHours(1), 5);
        sessions.add(first);
        sessions.add(second);
        var both = families.get(families.size() - 1);
        var bothRead = new java.util.concurrent.CyclicBarrier(2);
        var pair = Executors.newFixedThreadPool(2);
        var done = List.of(first, second).stream().map(session -> pair.submit(() -> naiveBook(session, both, () -> {
            try {
                bothRead.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other thread did not read in time", e);
            }
        }))).toList();
        for (var d : done) {
            d.get(1, TimeUnit.MINUTES);
        }
        pair.shutdown();
        System.out.printf("BOOKING-CONCURRENCY naive: rounds=%d overbooked sessions=%d overlapping people=%d%n", rounds,
                overbookings(sessions), personInOverlappingSessions(sessions));
        assertThat(overbookings(sessions)).as("the naive path overbooks, and the check sees it").isPositive();
        assertThat(personInOverlappingSessions(sessions)).as("the naive path double-books a person, and the check sees it")
                .isPositive();
    }

    /** The families of the run under load, for the other test to wait for their tellings. */
    private static final List<Long> LOADED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Waits (at most two minutes) until these families have been told of their booking changes, after their commits:
     * their rows in booking_telling are gone (decision 105).
     */
    private void familiesAllTold(List<Long> families) {
        if (families.isEmpty()) {
            return;
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM booking_telling WHERE family_id IN (" + in(families) + ")")
                        .query(Integer.class).single() == 0);
    }

    /** The naive path: read, decide, write, with nothing in the database holding the decision true. */
    private void naiveBook(long sessionId, BookingFixture.Fam f, Runnable betweenReadingAndWriting) {
        try {
            transactions.executeWithoutResult(tx -> {
                var row = jdbc.sql("SELECT places_taken, capacity FROM booking_session WHERE id = ?").param(sessionId)
                        .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
                int clashes = jdbc.sql("SELECT COUNT(*) FROM booking b JOIN booking_member m ON m.booking_id = b.id"
                                + " JOIN booking_session s ON s.id = b.session_id JOIN booking_session me ON me.id = ?"
                                + " WHERE m.person = ? AND b.status = 'BOOKED' AND s.starts_at < me.ends_at"
                                + " AND s.ends_at > me.starts_at")
                        .params(sessionId, f.parentKey()).query(Integer.class).single();
                if (row[0] >= row[1] || clashes > 0) {
                    return;
                }
                betweenReadingAndWriting.run();
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("INSERT INTO booking (session_id, family_id, status, created_at, updated_at)"
                                + " VALUES (?, ?, 'BOOKED', NOW(6), NOW(6))").params(sessionId, f.id()).update(keys, "id");
                jdbc.sql("INSERT INTO booking_member (booking_id, person, name) VALUES (?, ?, 'x')")
                        .params(keys.getKey().longValue(), f.parentKey()).update();
                jdbc.sql("UPDATE booking_session SET places_taken = ? WHERE id = ?").params(row[0] + 1, sessionId).update();
            });
        } catch (DataIntegrityViolationException | org.springframework.dao.PessimisticLockingFailureException expected) {
            // the same family twice in a session is still stopped by the unique key; that is not what this path tests
        }
    }

    /**
     * A moment between deciding and writing, as a busy server has: without it the race the naive path has is still
     * there, but on a fast, warmed-up run it showed only now and then.
     */
    private static void aBusyMoment() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Run(String name, int attempts, double seconds, double perSecond, double p50Ms, double p99Ms,
               Outcomes outcomes) {
        @Override
        public String toString() {
            return String.format("%s attempts=%d in %.2f s = %.0f/s, p50=%.1f ms, p99=%.1f ms, booked=%d full=%d"
                            + " refused=%d other=%d", name, attempts, seconds, perSecond, p50Ms, p99Ms,
                    outcomes.booked.get(), outcomes.full.get(), outcomes.refused.get(), outcomes.other.get());
        }
    }

    private Run run(String name, int threads, int perThread, List<BookingFixture.Fam> families, List<Authentication> auths,
                    java.util.function.LongFunction<Authentication> worker, List<Long> sessions) throws Exception {
        var outcomes = Outcomes.start();
        var latencies = new long[threads * perThread];
        var index = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                var random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                    int who = random.nextInt(families.size());
                    long session = sessions.get(random.nextInt(sessions.size()));
                    long began = System.nanoTime();
                    attempt(random.nextInt(100), families.get(who), auths.get(who), worker, session, outcomes);
                    latencies[index.getAndIncrement()] = System.nanoTime() - began;
                }
                return null;
            });
        }
        var server0 = serverCounters();
        long t0 = System.nanoTime();
        long portal0 = ProcessCpu.portalNanos();
        long db0 = ProcessCpu.databaseTicks();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("bounded in time").isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = index.get();
        var server1 = serverCounters();
        // what the server saw while it ran (the telling partly after; the test's own reads of ids included)
        System.out.printf("BOOKING-CONCURRENCY %s server: %.1f statements per attempt, %d deadlocks, %d row lock waits"
                        + " (%.1f ms each on average)%n", name,
                (server1.get("Questions") - server0.get("Questions")) / (double) n,
                server1.get("Innodb_deadlocks") - server0.get("Innodb_deadlocks"),
                server1.get("Innodb_row_lock_waits") - server0.get("Innodb_row_lock_waits"),
                (server1.get("Innodb_row_lock_time") - server0.get("Innodb_row_lock_time"))
                        / (double) Math.max(1, server1.get("Innodb_row_lock_waits") - server0.get("Innodb_row_lock_waits")));
        var sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("BOOKING-CONCURRENCY %s CPU per attempt while it ran (the telling partly after): portal %.2f ms,"
                + " database %.2f ms%n", name, (ProcessCpu.portalNanos() - portal0) / 1e6 / n, (ProcessCpu.databaseTicks() - db0) * 10.0 / n);
        return new Run(name, n, seconds, n / seconds, sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
                outcomes);
    }



    /** The server's statement, deadlock and row-lock-wait counters (decision 110's figures). */
    private Map<String, Long> serverCounters() {
        var out = new java.util.HashMap<String, Long>();
        jdbc.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Innodb_deadlocks', 'Innodb_row_lock_waits',"
                + " 'Innodb_row_lock_time')").query((java.sql.ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        out.putIfAbsent("Innodb_deadlocks", 0L);
        return out;
    }

    /** One attempt: mostly booking, with cancelling, the waiting list, offers and capacity changes mixed in. */
    private void attempt(int dice, BookingFixture.Fam f, Authentication as, java.util.function.LongFunction<Authentication> worker, long session,
                         Outcomes outcomes) {
        try {
            if (dice < 4) {
                actAs(worker.apply(session));
                bookings.changeCapacity(session, 1 + ThreadLocalRandom.current().nextInt(4));
                return;
            }
            actAs(as);
            if (dice < 60) {
                var members = dice % 3 == 0 ? List.of(f.parentKey()) : dice % 3 == 1 ? List.of(f.parentKey(), f.childKey(0))
                        : List.of(f.childKey(0), f.childKey(1));
                bookings.book(new BookingRequest(session, members, null, dice % 7 == 0 ? "k" + session + "-" + f.id() : null));
                outcomes.booked.incrementAndGet();
            } else if (dice < 70) {
                bookings.joinWaitingList(new BookingRequest(session, List.of(f.parentKey()), null, null));
                outcomes.booked.incrementAndGet();
            } else if (dice < 80) {
                for (long id : ids(f, "OFFERED")) {
                    bookings.acceptOffer(id);
                    outcomes.booked.incrementAndGet();
                }
            } else {
                var mine = ids(f, "BOOKED", "REQUESTED", "WAITING", "OFFERED");
                if (!mine.isEmpty()) {
                    bookings.cancel(mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
                }
            }
        } catch (InputProblem p) {
            if (Bookings.FULL.equals(p.key())) {
                outcomes.full.incrementAndGet();
            } else {
                outcomes.refused.incrementAndGet();
            }
        } catch (BookingNotFound gone) {
            outcomes.refused.incrementAndGet();
        } catch (RuntimeException e) {
            outcomes.other.incrementAndGet();
            outcomes.otherKinds.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    k -> new AtomicInteger()).incrementAndGet();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<Long> ids(BookingFixture.Fam f, String... statuses) {
        String in = Arrays.stream(statuses).map(s -> "'" + s + "'").collect(Collectors.joining(","));
        return jdbc.sql("SELECT id FROM booking WHERE family_id = ? AND status IN (" + in + ")").param(f.id())
                .query(Long.class).list();
    }

    // ---- the checks, on the database as it is afterwards ------------------------------------------------------

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Sessions where bookings hold more places than the session has. */
    int overbookings(List<Long> sessions) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_session s WHERE s.id IN (" + in(sessions) + ") AND s.capacity <"
                + " (SELECT COUNT(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('BOOKED', 'REQUESTED',"
                + " 'OFFERED', 'ATTENDED'))").query(Integer.class).single();
    }

    /** Sessions whose counter differs from the places its bookings hold. */
    int counterDrift(List<Long> sessions) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_session s WHERE s.id IN (" + in(sessions) + ") AND s.places_taken <>"
                + " (SELECT COALESCE(SUM(b.places), 0) FROM booking b WHERE b.session_id = s.id AND b.status IN"
                + " ('BOOKED', 'REQUESTED', 'OFFERED', 'ATTENDED'))").query(Integer.class).single();
    }

    int familyTwiceInASession(List<Long> sessions) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT session_id, family_id FROM booking WHERE session_id IN ("
                + in(sessions) + ") AND status IN ('BOOKED', 'REQUESTED', 'WAITING', 'OFFERED', 'ATTENDED')"
                + " GROUP BY session_id, family_id HAVING COUNT(*) > 1) x").query(Integer.class).single();
    }

    /** People with places in two different sessions that overlap in time. */
    int personInOverlappingSessions(List<Long> sessions) {
        String live = "('BOOKED', 'REQUESTED', 'ATTENDED')";
        return jdbc.sql("SELECT COUNT(*) FROM booking_member m1 JOIN booking b1 ON b1.id = m1.booking_id"
                + " JOIN booking_session s1 ON s1.id = b1.session_id"
                + " JOIN booking_member m2 ON m2.person = m1.person AND m2.booking_id > m1.booking_id"
                + " JOIN booking b2 ON b2.id = m2.booking_id JOIN booking_session s2 ON s2.id = b2.session_id"
                + " WHERE b1.session_id IN (" + in(sessions) + ") AND b1.status IN " + live + " AND b2.status IN " + live
                + " AND s1.status = 'OPEN' AND s2.status = 'OPEN' AND s1.starts_at < s2.ends_at AND s2.starts_at < s1.ends_at")
                .query(Integer.class).single();
    }

    int bookedCount(List<Long> sessions) {
        return jdbc.sql("SELECT COUNT(*) FROM booking WHERE session_id IN (" + in(sessions) + ") AND status = 'BOOKED'")
                .query(Integer.class).single();
    }
}
