package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.village.IntegrationTest;
import org.village.chat.internal.ChatStore;
import org.village.ServerStatements;

/**
 * Not a test (the name matches neither *Test nor *IT): the CPU and the database statements one chat message costs
 * on the send path ({@link ChatService#send}), the part of a node's work under load that issue 11's figures hang on
 * (decision 099). 16 threads send as parents (a family each, so the family-name filter runs) into four open rooms;
 * each account sends fewer messages than the flood limit allows. Prints the CPU time of the sending threads per
 * message (the send path alone, hardly moved by other work on the machine), the whole process's CPU per message,
 * and the statements the embedded MariaDB received per message (from its own counters, single-threaded round).
 * <p>
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=ChatSendBenchmark -Dskip.e2e=true
 *      -Dvillage.own-context.skip=true
 */
class ChatSendBenchmark extends IntegrationTest {

    private static final int THREADS = 16;
    /** Messages per account: under the flood limit (6 in 10 s). */
    private static final int PER_ACCOUNT = 5;
    private static final int ACCOUNTS_PER_THREAD = 12;
    private static final int COUNTED = 100;

    @Autowired ChatService chat;
    @Autowired ChatStore store;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void cost() throws Exception {
        var data = new ChatFixture(jdbc, store);
        List<Long> rooms = List.of(data.openRoom(), data.openRoom(), data.openRoom(), data.openRoom());
        // warm-up round, then the measured one, each with its own accounts
        round(data, rooms, "warm-up");
        round(data, rooms, "warm-up");
        // a profile of the measured round, to see where the rest goes (target/chat-send.jfr)
        try (var recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
            recording.enable("village.ChatSend"); // where each send waited (decision 054)
            recording.start();
            round(data, rooms, "measured");
            recording.stop();
            recording.dump(java.nio.file.Path.of("target", "chat-send.jfr"));
        }
        timings(java.nio.file.Path.of("target", "chat-send.jfr"));
        statements(data, rooms);
    }

    private void round(ChatFixture data, List<Long> rooms, String what) throws Exception {
        var people = new ArrayList<List<UserDetails>>();
        for (int t = 0; t < THREADS; t++) {
            var mine = new ArrayList<UserDetails>();
            for (int a = 0; a < ACCOUNTS_PER_THREAD; a++) {
                mine.add(userDetails.loadUserByUsername(data.parent()));
            }
            people.add(mine);
        }
        var threadCpu = new AtomicLong();
        var stored = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        var thread = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < THREADS; t++) {
                int me = t;
                futures.add(pool.submit(() -> {
                    long cpu = thread.getCurrentThreadCpuTime();
                    int n = 0;
                    for (UserDetails user : people.get(me)) {
                        signIn(user);
                        for (int i = 0; i < PER_ACCOUNT; i++, n++) {
                            long room = rooms.get((me + n) % rooms.size());
                            var sent = chat.send(room, "b-" + me + "-" + n + "-" + System.nanoTime(),
                                    "Hello everyone, how is your day going? Ours was busy but fine. Message " + n);
                            if (sent instanceof Chat.Stored) {
                                stored.incrementAndGet();
                            }
                        }
                    }
                    SecurityContextHolder.clearContext();
                    threadCpu.addAndGet(thread.getCurrentThreadCpuTime() - cpu);
                }));
            }
            for (var f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        long wall = System.nanoTime() - wallBefore;
        long process = os.getProcessCpuTime() - processBefore;
        long total = (long) THREADS * ACCOUNTS_PER_THREAD * PER_ACCOUNT;
        assertThat(stored.get()).isEqualTo(total);
        System.out.printf("CHAT-SEND %s: %d messages from %d threads in %d ms; sending threads' CPU %.3f ms/msg;"
                        + " process CPU %.3f ms/msg%n", what, total, THREADS, wall / 1_000_000, threadCpu.get() / 1e6 / total,
                process / 1e6 / total);
    }

    /** Per step of a send (the village.ChatSend events of the measured round): p50, p99 and mean in ms. */
    private static void timings(java.nio.file.Path jfr) throws java.io.IOException {
        var byField = new java.util.LinkedHashMap<String, List<Long>>();
        for (String f : List.of("before", "lockWait", "connection", "rowLock", "statements", "commit", "publish")) {
            byField.put(f, new ArrayList<>());
        }
        byField.put("total", new ArrayList<>());
        for (var e : jdk.jfr.consumer.RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("village.ChatSend")) {
                continue;
            }
            byField.forEach((f, values) -> values.add(f.equals("total") ? e.getDuration().toNanos() : e.getLong(f)));
        }
        var sb = new StringBuilder("CHAT-SEND steps (ms p50/p99/mean) of " + byField.get("total").size() + " sends:");
        byField.forEach((f, values) -> {
            long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
            if (v.length > 0) {
                sb.append(String.format(" %s %.2f/%.2f/%.2f;", f, v[v.length / 2] / 1e6,
                        v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1e6,
                        java.util.Arrays.stream(v).average().orElse(0) / 1e6));
            }
        });
        System.out.println(sb);
    }

    /** Statements per message, one send at a time (the server's counters are global: nothing else should run). */
    private void statements(ChatFixture data, List<Long> rooms) {
        var sums = new TreeMap<String, Long>();
        int n = 0;
        for (int a = 0; a < COUNTED / PER_ACCOUNT; a++) {
            signIn(userDetails.loadUserByUsername(data.parent()));
            for (int i = 0; i < PER_ACCOUNT; i++, n++) {
                var before = ServerStatements.now(jdbc);
                var sent = chat.send(rooms.get(n % rooms.size()), "s-" + n + "-" + System.nanoTime(), "Counted message " + n);
                var after = ServerStatements.now(jdbc);
                assertThat(sent).isInstanceOf(Chat.Stored.class);
                ServerStatements.addDifference(sums, before, after);
            }
        }
        var sb = new StringBuilder("CHAT-SEND statements per message:");
        sums.forEach((k, v) -> sb.append(String.format(" %s=%.2f", k, v / (double) COUNTED)));
        System.out.println(sb);
    }

    private static void signIn(UserDetails user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
