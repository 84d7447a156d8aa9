package org.village.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.village.chat.StompChatClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat load figures (docs/benchmarks.md, decision 087): STOMP clients in rooms, a steady send rate, delivery latency
 * (send to each subscriber's receipt, one clock: this JVM), and lost / duplicated counts per client by message.
 * Clients whose connection drops reconnect (round robin over the nodes) and catch up through the REST history
 * ({@code after=} their last seq), as a phone app would. 127.0.0.1 only; bounded by the send time plus 20 s.
 *
 * <pre>
 * java ... org.village.bench.ChatLoadBenchmark jdbcUrl nodes(http://127.0.0.1:18081,...) clients roomSize rate seconds [cut-seconds]
 * </pre>
 * With {@code cut-seconds}, the clients of the first room are disconnected a third of the way in and come back after
 * that many seconds (the "cut a client's connection" drill). Node restarts and broker outages are driven by
 * scripts/bench-chat.sh while this runs.
 */
public final class ChatLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ACCOUNTS = 40;
    private static final String PASSWORD = "sunny-garden-path"; // parent.a's demo password, copied with the accounts

    private final List<String> nodes;
    private final HttpClient http = HttpClient.newHttpClient();
    private static final int CONNECTING = 200;
    private final WebSocketStompClient engine = StompChatClient.engine();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> seqOf = new ConcurrentHashMap<>();
    /** The wall clock (ms) at each measured SEND, to split the latency at the server's stored time (sentAt). */
    private final Map<String, Long> sentWall = new ConcurrentHashMap<>();
    /** Per measured SEND: ms from the client's SEND to the server's sentAt (the send side: queues before the store). */
    private final long[] sendSideMillis = new long[400_000];
    private final AtomicLong sendSideCount = new AtomicLong();
    /** Per measured SEND: how long the client's own stomp.send call took (its write, in this JVM), in ns. */
    private final long[] sendCallNanos = new long[400_000];
    private int sendCalls;
    /** Per measured SEND: how late the sending loop was against its schedule, in ns (a load client behind). */
    private final long[] lateNanos = new long[400_000];
    private final long[] latencies = new long[4_000_000];
    private final AtomicLong latencyCount = new AtomicLong();
    /** The second of the measured part in which each latency's message was sent: the worst seconds show what the tail is. */
    private final short[] latencySecond = new short[4_000_000];
    private volatile long measureStart;
    /** Stored (the message's sentAt, the server's clock on this machine) to delivered: the fan-out alone, in ms. */
    private final long[] fanoutMillis = new long[4_000_000];
    private final AtomicLong fanoutCount = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    /** Client ids answered with an error, and the error's code. */
    private final java.util.Set<String> refusedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong reconnects = new AtomicLong();
    /** SENDs sent again after a reconnect (no echo, no error), and those answered as already stored ({@code /queue/sent}). */
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong resentWereStored = new AtomicLong();
    private final AtomicLong caughtUp = new AtomicLong();
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean stopping;

    private ChatLoadBenchmark(List<String> nodes) {
        this.nodes = nodes;
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        var nodes = Arrays.asList(args[1].split(","));
        int clientCount = Integer.parseInt(args[2]);
        int roomSize = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Math.min(Integer.parseInt(args[5]), 120);
        int cutSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        new ChatLoadBenchmark(nodes).run(jdbcUrl, clientCount, roomSize, rate, seconds, cutSeconds);
        System.exit(0);
    }

    private final class Client {
        final int index;
        final long roomId;
        final String token;
        int node;
        volatile StompChatClient stomp;
        volatile long lastSeq;
        final java.util.BitSet seen = new java.util.BitSet();
        /** Numbers handed on this subscription (a new subscription starts empty): a second one is a duplicate. */
        java.util.BitSet liveSeen = new java.util.BitSet();
        long live;
        long duplicates;
        long overlap;
        volatile boolean cut;
        /**
         * This client's SENDs with no answer yet (client id → body): neither its echo in the room nor an error. After a
         * reconnect they are sent again with the same id, as the API asks of an app (README: a SEND in flight when the
         * connection or its node went away may or may not be stored; the same id is never stored twice).
         */
        final Map<String, String> pending = new ConcurrentHashMap<>();
        /** One reconnect loop at a time (a failed attempt reports a lost connection too). */
        final java.util.concurrent.atomic.AtomicBoolean reconnecting = new java.util.concurrent.atomic.AtomicBoolean();

        Client(int index, long roomId, String token, int node) {
            this.index = index;
            this.roomId = roomId;
            this.token = token;
            this.node = node;
        }

        String ws() {
            return nodes.get(node).replace("http://", "ws://") + "/ws";
        }

        void connect() throws Exception {
            // each connection counts its own numbers: a frame the old connection still hands on after a reconnect is
            // that connection's, not a second copy on the new one
            var mine = new java.util.BitSet();
            synchronized (this) {
                liveSeen = mine;
            }
            stomp = StompChatClient.connect(engine, ws(), token, roomId, m -> onMessage(m, mine), this::onError,
                    this::onSent);
        }

        void onMessage(Map<String, Object> m, java.util.BitSet liveSeen) {
            long now = System.nanoTime();
            Object seqValue = m.get("seq");
            if (seqValue == null) {
                return;
            }
            int seq = ((Number) seqValue).intValue();
            String clientId = String.valueOf(m.get("clientId"));
            pending.remove(clientId); // this client's own message back (other clients never held it)
            synchronized (this) {
                if (liveSeen.get(seq)) {
                    duplicates++; // the server sent this number twice on one subscription
                    return;
                }
                liveSeen.set(seq);
                if (seen.get(seq)) {
                    overlap++; // already read through REST catch-up after a reconnect: the client drops it by seq
                    return;
                }
                seen.set(seq);
                live++;
                lastSeq = Math.max(lastSeq, seq);
            }
            Long at = sentAt.get(clientId);
            if (at == null) {
                return; // a warm-up message: counted for lost and duplicated above, not for latency
            }
            boolean first = seqOf.putIfAbsent(clientId, (long) seq) == null;
            Object sentAtText = m.get("sentAt");
            // parsed once per delivery (it was twice): the client shares the machine's two cores with the node
            long storedAt = sentAtText == null ? 0 : java.time.Instant.parse(sentAtText.toString()).toEpochMilli();
            Long wall = first && sentAtText != null ? sentWall.get(clientId) : null;
            if (wall != null) {
                long k = sendSideCount.getAndIncrement();
                if (k < sendSideMillis.length) {
                    sendSideMillis[(int) k] = storedAt - wall;
                }
            }
            if (sentAtText != null) {
                long j = fanoutCount.getAndIncrement();
                if (j < fanoutMillis.length) {
                    fanoutMillis[(int) j] = System.currentTimeMillis() - storedAt;
                }
            }
            long i = latencyCount.getAndIncrement();
            if (i < latencies.length) {
                latencies[(int) i] = now - at;
                latencySecond[(int) i] = (short) Math.max(-1, Math.min(Short.MAX_VALUE, (at - measureStart) / 1_000_000_000L));
            }
        }

        void onError(Map<String, Object> e) {
            if ("connection_lost".equals(e.get("code"))) {
                if (!stopping && !cut && reconnecting.compareAndSet(false, true)) {
                    Thread.ofVirtual().start(this::reconnect);
                }
            } else if (e.get("clientId") != null) {
                pending.remove(String.valueOf(e.get("clientId")));
                refused.incrementAndGet();
                refusedIds.add(String.valueOf(e.get("clientId")) + " " + e.get("code"));
            }
        }

        /** A resent SEND's answer: its client id was stored before (the first SEND got in before the drop). */
        void onSent(Map<String, Object> m) {
            String clientId = String.valueOf(m.get("clientId"));
            if (pending.remove(clientId) != null && m.get("seq") instanceof Number seq) {
                resentWereStored.incrementAndGet();
                seqOf.putIfAbsent(clientId, seq.longValue());
            }
        }

        /** After a reconnect and catch-up: every SEND still unanswered goes again, with its own client id. */
        void resendPending() {
            for (var p : pending.entrySet()) {
                if (seqOf.containsKey(p.getKey())) {
                    pending.remove(p.getKey()); // stored and delivered (another client saw it live)
                    continue;
                }
                try {
                    stomp.send(roomId, p.getKey(), p.getValue());
                    resent.incrementAndGet();
                } catch (RuntimeException e) {
                    return; // the connection went again: the next reconnect sends them
                }
            }
        }

        /** Back after a drop: subscribe again (on the next node when this one is down), then read what was missed. */
        void reconnect() {
            try {
                reconnectLoop();
            } finally {
                reconnecting.set(false);
            }
        }

        private void reconnectLoop() {
            var old = stomp;
            if (old != null) {
                try {
                    old.close();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            for (int attempt = 0; attempt < 120 && !stopping; attempt++) {
                try {
                    Thread.sleep(attempt == 0 ? 200 : 1000);
                    if (attempt > 0) {
                        node = (node + 1) % nodes.size();
                    }
                    connect();
                    reconnects.incrementAndGet();
                    catchUp();
                    resendPending();
                    return;
                } catch (Exception e) {
                    // the node is still away: try again
                }
            }
        }

        /** REST history after the last seq, page by page, into the same seen-set (one copy of each message). */
        void catchUp() throws Exception {
            for (int pages = 0; pages < 50; pages++) {
                long after;
                synchronized (this) {
                    // from the end of what is held without a gap (a live message may already be past the gap)
                    after = seen.nextClearBit(1) - 1;
                }
                var request = HttpRequest.newBuilder(URI.create(nodes.get(node) + "/api/chat/rooms/" + roomId
                        + "/messages?after=" + after + "&limit=200")).header("Authorization", "Bearer " + token).GET().build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("history " + response.statusCode());
                }
                List<?> page = JSON.readValue(response.body(), List.class);
                for (Object o : page) {
                    var m = (Map<?, ?>) o;
                    int seq = ((Number) m.get("seq")).intValue();
                    synchronized (this) {
                        if (!seen.get(seq)) {
                            seen.set(seq);
                            caughtUp.incrementAndGet();
                        }
                        lastSeq = Math.max(lastSeq, seq);
                    }
                }
                if (page.size() < 200) {
                    synchronized (this) {
                        if (seen.nextClearBit(1) - 1 <= after || page.isEmpty()) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private void run(String jdbcUrl, int clientCount, int roomSize, int rate, int seconds, int cutSeconds) throws Exception {
        int roomCount = Math.max(1, clientCount / roomSize);
        String tag = letters(new Random(), 6);
        List<Long> rooms = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (int r = 0; r < roomCount; r++) {
                s.executeUpdate("INSERT INTO chat_room (code, name, description, audience, always_open, hours_text, position,"
                        + " created_at) VALUES ('bench-" + tag + "-" + r + "', 'Bench room " + tag + " " + r
                        + "', '', 'EVERYONE', TRUE, '', 2000, NOW(6))", Statement.RETURN_GENERATED_KEYS);
                try (var keys = s.getGeneratedKeys()) {
                    keys.next();
                    rooms.add(keys.getLong(1));
                }
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                String name = "bench." + tag.toLowerCase() + "." + letters(new Random(a), 5).toLowerCase();
                // the node may still be seeding its demo data: a deadlock is tried again
                retry(s, "INSERT INTO user_account (username, display_name, password_hash, family_id, created_at)"
                        + " SELECT '" + name + "', 'Bench " + letters(new Random(a + 99), 6) + "', password_hash, family_id,"
                        + " NOW(6) FROM user_account WHERE username = 'parent.a'");
                retry(s, "INSERT INTO account_role (account_id, role) SELECT id, 'PARENT' FROM user_account"
                        + " WHERE username = '" + name + "'");
                usernames.add(name);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String u : usernames) {
            var request = HttpRequest.newBuilder(URI.create(nodes.getFirst() + "/api/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + u + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token " + response.statusCode() + " " + response.body());
            }
            tokens.add(String.valueOf(JSON.readValue(response.body(), Map.class).get("token")));
        }
        long t0 = System.nanoTime();
        var connecting = new Semaphore(CONNECTING); // each connect waits up to 2 s for a receipt the simple broker does not send
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < roomCount * roomSize; i++) {
            var client = new Client(i, rooms.get(i / roomSize), tokens.get(i % tokens.size()), i % nodes.size());
            clients.add(client);
        }
        AtomicLong connectFailures = new AtomicLong();
        for (var client : clients) {
            connecting.acquire();
            pool.submit(() -> {
                try {
                    client.connect();
                } catch (Exception e) {
                    connectFailures.incrementAndGet();
                } finally {
                    connecting.release();
                }
            });
        }
        connecting.acquire(CONNECTING);
        connecting.release(CONNECTING);
        System.out.printf("connected %d clients in %d rooms over %d node(s) in %.1f s (%d failed); load %s%n",
                clients.size(), roomCount, nodes.size(), (System.nanoTime() - t0) / 1e9, connectFailures.get(), load());
        Thread.sleep(2000);

        var random = new Random(7);
        // warm-up: the same rate for a while first (JIT, pools, caches), neither timed nor in the silent count; its
        // messages are still counted for lost and duplicated against the database
        int warmup = Math.min(Integer.getInteger("bench.warmup", 10), 60);
        if (warmup > 0) {
            sendFor(rooms, roomSize, rate, warmup, -1, random, false);
            // measuring starts once every client holds every warm-up message (at most 30 s)
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> allIn(jdbcUrl, rooms));
            } catch (org.awaitility.core.ConditionTimeoutException behind) {
                // the nodes have not caught up with the warm-up: measure anyway (the run's lost count says the rest)
                System.out.printf("warm-up: not every client holds every warm-up message 30 s after it; load %s%n", load());
            }
        }
        System.out.printf("measuring %d s at %d/s after %d s of warm-up; load %s%n", seconds, rate, warmup, load());
        int total = rate * seconds;
        long start = System.nanoTime();
        measureStart = start;
        sendFor(rooms, roomSize, rate, seconds, cutSeconds, random, true);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        String loadAfterSend = load();
        // wait for the stragglers (sends still queued on the nodes, a cut client's return): at most 60 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (allIn(jdbcUrl, rooms) && (seqOf.size() >= sentAt.size() - refused.get() || stableFor(jdbcUrl, rooms))) {
                break;
            }
            Thread.sleep(250);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9 - sendSeconds;
        stopping = true;
        for (var client : clients) {
            try {
                if (client.stomp != null) {
                    client.stomp.close();
                }
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        Thread.sleep(500);
        report(jdbcUrl, rooms, total, sendSeconds, drainSeconds, loadAfterSend);
    }

    /** Sends at {@code rate} for {@code seconds}, each time from another connected member of the next room. */
    private void sendFor(List<Long> rooms, int roomSize, int rate, int seconds, int cutSeconds, Random random,
                         boolean measured) throws InterruptedException {
        int roomCount = rooms.size();
        int total = rate * seconds;
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        int cutAt = cutSeconds > 0 ? total / 3 : -1;
        for (int m = 0; m < total; m++) {
            long due = start + m * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (m == cutAt) {
                cut(roomSize, cutSeconds);
            }
            int room = m % roomCount;
            // a different member of the room each time (the burst limit is per person)
            Client sender = null;
            for (int k = 0; k < roomSize && sender == null; k++) {
                Client c = clients.get(room * roomSize + ((m / roomCount) + k) % roomSize);
                if (!c.cut && c.stomp != null && c.stomp.connected()) {
                    sender = c;
                }
            }
            if (sender == null) {
                if (measured) {
                    unsent.incrementAndGet(); // nobody of this room connected now (a node restarting)
                }
                continue;
            }
            String clientId = letters(random, 20);
            long called = System.nanoTime();
            if (measured) {
                sentWall.put(clientId, System.currentTimeMillis());
                sentAt.put(clientId, called);
            }
            String text = "Bench message " + letters(random, 40);
            sender.pending.put(clientId, text);
            try {
                sender.stomp.send(rooms.get(room), clientId, text);
                if (measured && sendCalls < sendCallNanos.length) {
                    sendCallNanos[sendCalls] = System.nanoTime() - called;
                    lateNanos[sendCalls++] = Math.max(0, called - due);
                }
            } catch (RuntimeException e) {
                sender.pending.remove(clientId);
                if (measured) {
                    refused.incrementAndGet();
                    sentAt.remove(clientId);
                }
            }
        }
    }

    private static void retry(Statement s, String sql) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                s.executeUpdate(sql);
                return;
            } catch (java.sql.SQLTransactionRollbackException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private void cut(int roomSize, int cutSeconds) {
        // half of the first room: the other half keeps writing while they are away
        var cutClients = clients.subList(0, roomSize / 2);
        for (var c : cutClients) {
            c.cut = true;
            c.stomp.close();
        }
        System.out.printf("cut %d clients of room %d for %d s%n", cutClients.size(), cutClients.getFirst().roomId, cutSeconds);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(cutSeconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            for (var c : cutClients) {
                c.cut = false;
                if (c.reconnecting.compareAndSet(false, true)) {
                    Thread.ofVirtual().start(c::reconnect);
                }
            }
        });
    }

    private Map<Long, Long> lastSeen = Map.of();
    private long stableSince;

    /** The database's numbers have not moved for 3 s (nothing more is coming). */
    private boolean stableFor(String jdbcUrl, List<Long> rooms) throws Exception {
        var now = lastSeqs(jdbcUrl, rooms);
        if (!now.equals(lastSeen)) {
            lastSeen = now;
            stableSince = System.nanoTime();
            return false;
        }
        return System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3);
    }

    /** Every message the database holds for a room (its last_seq: numbers are dense) seen by every client of it. */
    private boolean allIn(String jdbcUrl, List<Long> rooms) throws Exception {
        Map<Long, Long> stored = lastSeqs(jdbcUrl, rooms);
        for (var c : clients) {
            synchronized (c) {
                if (c.seen.cardinality() < stored.getOrDefault(c.roomId, 0L)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<Long, Long> lastSeqs(String jdbcUrl, List<Long> rooms) throws Exception {
        Map<Long, Long> map = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id, last_seq FROM chat_room WHERE id BETWEEN " + rooms.getFirst() + " AND "
                     + rooms.getLast())) {
            while (rs.next()) {
                map.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return map;
    }

    private void report(String jdbcUrl, List<Long> rooms, int total, double sendSeconds, double drainSeconds,
                        String loadAfterSend) throws Exception {
        Map<Long, Long> stored = lastSeqs(jdbcUrl, rooms);
        long storedMessages = stored.values().stream().mapToLong(Long::longValue).sum();
        // sends that reached nobody live and got no error: in flight at the end, or dropped without a word
        var answered = new java.util.HashSet<String>(seqOf.keySet());
        refusedIds.forEach(r -> answered.add(r.substring(0, r.indexOf(' '))));
        var silent = sentAt.keySet().stream().filter(id -> !answered.contains(id)).sorted().toList();
        System.out.printf("errors by code: %s; sent with no delivery and no error: %d %s%n",
                refusedIds.stream().map(r -> r.substring(r.indexOf(' ') + 1))
                        .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting())),
                silent.size(), silent.stream().limit(5).toList());
        long expected = 0;
        long got = 0;
        long live = 0;
        long dup = 0;
        long overlap = 0;
        for (var c : clients) {
            expected += stored.getOrDefault(c.roomId, 0L);
            synchronized (c) {
                got += c.seen.cardinality();
                live += c.live;
                dup += c.duplicates;
                overlap += c.overlap;
            }
        }
        int n = (int) Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("sent %d in %.1f s (%.0f/s; %d not sent: no member connected), stored %d (database), refused %d;"
                        + " drained %.1f s after sending; deliveries expected %d, live %d, caught up %d, lost %d,"
                        + " duplicated %d (live after catch-up, dropped by seq: %d); reconnects %d, unanswered SENDs sent again"
                        + " %d (of which already stored: %d)%n", total - unsent.get(),
                sendSeconds, (total - unsent.get()) / sendSeconds, unsent.get(), storedMessages, refused.get(), drainSeconds,
                expected, live, caughtUp.get(), expected - got, dup, overlap, reconnects.get(), resent.get(),
                resentWereStored.get());
        if (n > 0) {
            System.out.printf("latency ms (send to live delivery): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (%d samples,"
                            + " %.0f deliveries/s over the run); load after sending %s%n", pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted[n - 1] / 1e6, n, n / (sendSeconds + drainSeconds), loadAfterSend);
            // each second of sending on its own: a tail spread evenly is the machine's load; a few bad seconds are a
            // pause (a collection, a scheduled job) that the figure would otherwise hide
            java.util.Map<Integer, List<Long>> bySecond = new java.util.TreeMap<>();
            for (int k = 0; k < n; k++) {
                bySecond.computeIfAbsent((int) latencySecond[k], x -> new ArrayList<>()).add(latencies[k]);
            }
            StringBuilder line = new StringBuilder("p99 ms by second of sending:");
            bySecond.forEach((second, values) -> {
                long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
                line.append(' ').append(second).append(':').append(Math.round(pct(v, 99)));
            });
            System.out.println(line);
        }
        int ss = (int) Math.min(sendSideCount.get(), sendSideMillis.length);
        if (ss > 0 && sendCalls > 0) {
            long[] side = Arrays.copyOf(sendSideMillis, ss);
            Arrays.sort(side);
            long[] calls = Arrays.copyOf(sendCallNanos, sendCalls);
            Arrays.sort(calls);
            long[] late = Arrays.copyOf(lateNanos, sendCalls);
            Arrays.sort(late);
            System.out.printf("send side ms (client SEND to the server's stored time, per message): p50 %.0f  p95 %.0f"
                            + "  p99 %.0f  max %d; the client's own stomp.send call: p50 %.2f  p99 %.2f  max %.1f;"
                            + " the sending loop behind its schedule: p99 %.1f  max %.1f%n",
                    pctMillis(side, 50), pctMillis(side, 95), pctMillis(side, 99), side[ss - 1],
                    pct(calls, 50), pct(calls, 99), calls[sendCalls - 1] / 1e6, pct(late, 99), late[sendCalls - 1] / 1e6);
        }
        int f = (int) Math.min(fanoutCount.get(), fanoutMillis.length);
        if (f > 0) {
            long[] fan = Arrays.copyOf(fanoutMillis, f);
            Arrays.sort(fan);
            System.out.printf("stored-to-delivered ms (the fan-out alone): p50 %.0f  p95 %.0f  p99 %.0f  max %d%n",
                    pctMillis(fan, 50), pctMillis(fan, 95), pctMillis(fan, 99), fan[f - 1]);
        }
    }

    private static double pctMillis(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, i)];
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    private static String letters(Random random, int n) {
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ((i % 2 == 0 ? 'A' : 'a') + random.nextInt(26)));
        }
        return b.toString();
    }
}
