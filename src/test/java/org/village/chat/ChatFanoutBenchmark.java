package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.village.IntegrationTest;
import org.village.chat.api.ChatJson;
import org.village.chat.internal.ChatStore;
import org.village.security.ApiTokens;

/**
 * Not a test (the name matches neither *Test nor *IT): the CPU time of this JVM per room message delivered to STOMP
 * subscribers, Spring's way (what {@code StompDelivery} did before decision 098: {@code convertAndSend} to the simple
 * broker, one message, header map, channel task and encoding per subscriber) against the fan-out's way (the event
 * through {@link ChatFanout}: JSON and frame once, spliced per subscriber, written by each connection's outbox).
 * No database work: the messages are made in memory, so only delivery is measured. The subscribers are real
 * WebSocket connections in this JVM that count the frames they get (their reading is in both figures alike).
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=ChatFanoutBenchmark -Dskip.e2e=true
 *      -Dvillage.own-context.skip=true
 */
class ChatFanoutBenchmark extends IntegrationTest {

    private static final int ROOMS = 4;
    private static final int PER_ROOM = 50;
    private static final int MESSAGES = 3_000;
    private static final int BATCH = 40;
    private static final Instant SENT_AT = Instant.parse("2026-12-01T22:00:00Z");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;
    @Autowired SimpMessagingTemplate template;
    @Autowired ChatFanout fanout;

    final List<WebSocketSession> sockets = new ArrayList<>();
    final AtomicLong frames = new AtomicLong();
    long seq;

    @AfterEach
    void close() throws Exception {
        for (var s : sockets) {
            if (s.isOpen()) {
                s.close();
            }
        }
    }

    @Test
    void cpuPerDeliveryBeforeAndAfter() throws Exception {
        var data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
        String token = tokens.issue(data.parent(), "sunny-garden-path", "127.0.0.64").token();
        List<Long> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            long room = data.openRoom();
            rooms.add(room);
            for (int i = 0; i < PER_ROOM; i++) {
                connect(token, room);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> frames.get() == (long) ROOMS * PER_ROOM * 2);
        frames.set(0);

        // warm both paths up (JIT), then measure each twice, alternately
        run("spring", rooms, MESSAGES);
        run("fanout", rooms, MESSAGES);
        for (int round = 0; round < 2; round++) {
            report("spring (before)", run("spring", rooms, MESSAGES));
            report("fanout (after) ", run("fanout", rooms, MESSAGES));
        }
    }

    private void connect(String token, long room) throws Exception {
        var ws = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                String p = message.getPayload();
                if (p.startsWith("MESSAGE") || p.startsWith("CONNECTED") || p.startsWith("RECEIPT")) {
                    frames.incrementAndGet();
                }
            }
        }, new WebSocketHttpHeaders(), URI.create("ws://127.0.0.1:" + port + "/ws")).get(10, TimeUnit.SECONDS);
        ws.setTextMessageSizeLimit(1024 * 1024);
        sockets.add(ws);
        ws.sendMessage(new TextMessage("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer "
                + token + "\n\n\0"));
        ws.sendMessage(new TextMessage("SUBSCRIBE\nid:sub-0\ndestination:/topic/rooms." + room + "\nreceipt:r\n\n\0"));
    }

    record Figures(long cpuNanos, long wallNanos, long deliveries, long allocated) {
    }

    private Figures run(String path, List<Long> rooms, int messages) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        frames.set(0);
        long cpu0 = os.getProcessCpuTime();
        long alloc0 = threads.getTotalThreadAllocatedBytes();
        long t0 = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            long room = rooms.get(m % rooms.size());
            var message = new Chat.Message(1_000_000 + seq, room, ++seq, "bench-" + seq, 1, "Bench author",
                    "Bench message number " + seq + " with some ordinary words in it", SENT_AT, Chat.Status.SHOWN);
            if (path.equals("spring")) {
                template.convertAndSend("/topic/rooms." + room, (Object) ChatJson.message(message.forReaders()));
            } else {
                fanout.publish(new ChatEvent.MessageStored(room, message));
            }
            if ((m + 1) % BATCH == 0) {
                // bounded in flight: wait for this batch to arrive before the next
                long expected = (long) (m + 1) * PER_ROOM;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> frames.get() >= expected);
            }
        }
        long expected = (long) messages * PER_ROOM;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> frames.get() >= expected);
        var f = new Figures(os.getProcessCpuTime() - cpu0, System.nanoTime() - t0, frames.get(),
                threads.getTotalThreadAllocatedBytes() - alloc0);
        assertThat(f.deliveries()).isEqualTo(expected);
        return f;
    }

    private static void report(String path, Figures f) {
        System.out.printf("BENCH %s: %,d deliveries, CPU %.2f s (%.1f µs per delivery), wall %.2f s, allocated %.0f bytes per delivery%n",
                path, f.deliveries(), f.cpuNanos() / 1e9, f.cpuNanos() / 1e3 / f.deliveries(), f.wallNanos() / 1e9,
                (double) f.allocated() / f.deliveries());
    }
}
