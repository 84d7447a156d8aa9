package org.village.chat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;
import tools.jackson.databind.json.JsonMapper;

/**
 * The STOMP fan-out without a server (decision 098): rooms published from several threads at once reach every
 * subscribed connection complete and in each room's order, with the subscription's own id; a connection that does
 * not read is cut off at its send-buffer limit without holding up the others; a closed connection's outbox goes and
 * it gets nothing more; an unsubscribed one gets nothing more.
 */
class StompDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A connection as the container gives it: frames written, open until closed. */
    static final class FakeSession {
        final String id;
        final List<String> frames = new CopyOnWriteArrayList<>();
        final AtomicReference<CloseStatus> closed = new AtomicReference<>();
        volatile CountDownLatch blockWrites = new CountDownLatch(0);
        final WebSocketSession session;

        FakeSession(String id) {
            this.id = id;
            Map<String, Object> attributes = new ConcurrentHashMap<>();
            this.session = (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> id;
                        case "isOpen" -> closed.get() == null;
                        case "getAttributes" -> attributes;
                        case "getUri" -> URI.create("ws://127.0.0.1/ws");
                        case "sendMessage" -> {
                            blockWrites.await();
                            frames.add(((TextMessage) args[0]).getPayload());
                            yield null;
                        }
                        case "close" -> {
                            closed.compareAndSet(null, args == null || args.length == 0 ? CloseStatus.NORMAL : (CloseStatus) args[0]);
                            yield null;
                        }
                        case "toString" -> "FakeSession " + id;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        /** The frames' bodies as (roomId, seq), after checking each is a MESSAGE for {@code subscription}. */
        List<long[]> messages(String subscription) {
            var out = new ArrayList<long[]>();
            for (String frame : frames) {
                var decoded = new StompDecoder().decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
                var headers = MessageHeaderAccessor.getAccessor(decoded.getFirst(), StompHeaderAccessor.class);
                if (!subscription.equals(headers.getSubscriptionId())) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> body = JSON.readValue((byte[]) decoded.getFirst().getPayload(), Map.class);
                out.add(new long[] {((Number) body.get("roomId")).longValue(), ((Number) body.get("seq")).longValue()});
            }
            return out;
        }
    }

    final List<Consumer<ChatEvent>> receivers = new CopyOnWriteArrayList<>();
    final ChatFanout fanout = new ChatFanout() {
        @Override
        public void publish(ChatEvent event) {
            receivers.forEach(r -> r.accept(event));
        }

        @Override
        public Registration receive(Consumer<ChatEvent> receiver) {
            receivers.add(receiver);
            return () -> receivers.remove(receiver);
        }
    };
    final SimpleBrokerMessageHandler broker = new SimpleBrokerMessageHandler(new ExecutorSubscribableChannel(),
            new ExecutorSubscribableChannel(), new ExecutorSubscribableChannel(), List.of("/topic"));
    final StompOutboxes outboxes = new StompOutboxes();
    final org.springframework.web.socket.WebSocketHandler handler = outboxes.decorate(new AbstractWebSocketHandler() { });
    StompDelivery delivery;

    StompDelivery delivery() {
        var beans = new StaticListableBeanFactory(Map.of("simpleBrokerMessageHandler", broker));
        delivery = new StompDelivery(fanout, beans.getBeanProvider(AbstractBrokerMessageHandler.class),
                beans.getBeanProvider(SimpMessagingTemplate.class), outboxes, JSON);
        return delivery;
    }

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.stop();
        }
    }

    FakeSession open(String id) throws Exception {
        var s = new FakeSession(id);
        handler.afterConnectionEstablished(s.session);
        return s;
    }

    void subscribe(FakeSession s, String subscription, long room) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        headers.setSessionId(s.id);
        headers.setSubscriptionId(subscription);
        headers.setDestination("/topic/rooms." + room);
        broker.getSubscriptionRegistry().registerSubscription(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
    }

    void unsubscribe(FakeSession s, String subscription) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        headers.setSessionId(s.id);
        headers.setSubscriptionId(subscription);
        broker.getSubscriptionRegistry().unregisterSubscription(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
    }

    static ChatEvent stored(long room, long seq, String body) {
        return new ChatEvent.MessageStored(room, new Chat.Message(room * 100_000 + seq, room, seq, "c-" + seq, 1, "Sam",
                body, Instant.parse("2026-12-01T22:00:00Z"), Chat.Status.SHOWN));
    }

    @Test
    void roomsPublishedAtOnceReachEverySubscriberCompleteAndInOrder() throws Exception {
        delivery();
        int rooms = 6;
        int perRoom = 400;
        var sessions = new ArrayList<FakeSession>();
        Map<FakeSession, Map<String, Long>> subscriptions = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            var s = open("s" + i);
            sessions.add(s);
            var subs = new HashMap<String, Long>();
            for (int k = 0; k < 3; k++) {
                long room = (i + k * 2) % rooms + 1;
                String id = "sub-" + k + (k == 2 ? ":x" : "");
                subscribe(s, id, room);
                subs.put(id, room);
            }
            subscriptions.put(s, subs);
        }
        // one publishing thread per room, as the room's lock makes it: rooms at once, each in its own order
        var threads = new ArrayList<Thread>();
        for (int r = 1; r <= rooms; r++) {
            long room = r;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int seq = 1; seq <= perRoom; seq++) {
                    fanout.publish(stored(room, seq, "Hello " + seq));
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery.eventsDone.get() == (long) rooms * perRoom);
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.stream().allMatch(s -> s.frames.size() == 3 * perRoom));
        for (var s : sessions) {
            for (var sub : subscriptions.get(s).entrySet()) {
                var got = s.messages(sub.getKey());
                assertThat(got).as(s.id + " " + sub.getKey()).hasSize(perRoom);
                for (int i = 0; i < perRoom; i++) {
                    assertThat(got.get(i)[0]).isEqualTo(sub.getValue());
                    assertThat(got.get(i)[1]).as("in stored order").isEqualTo(i + 1);
                }
            }
        }
    }

    @Test
    void aConnectionThatDoesNotReadIsCutOffAndTheOthersGetEverything() throws Exception {
        delivery();
        var stuck = open("stuck");
        var fine = open("fine");
        stuck.blockWrites = new CountDownLatch(1);
        subscribe(stuck, "a", 1);
        subscribe(fine, "b", 1);
        String body = "x".repeat(4000);
        int count = 400; // 1.6 MB for the stuck one: over its 1 MB limit
        for (int seq = 1; seq <= count; seq++) {
            fanout.publish(stored(1, seq, body));
            if (seq % 50 == 0) {
                // the reading one keeps up (less than 1 MB ever waits for it); the stuck one's frames pile up
                int upTo = seq;
                await().atMost(Duration.ofSeconds(30)).until(() -> fine.frames.size() >= upTo);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fine.frames.size() == count);
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.closed.get() != null);
        assertThat(stuck.closed.get().getCode()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE.getCode());
        assertThat(fine.closed.get()).isNull();
        stuck.blockWrites.countDown();
        assertThat(fine.messages("b")).extracting(m -> m[1]).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
    }

    @Test
    void aClosedConnectionsOutboxGoesAndAnUnsubscribedOneGetsNothingMore() throws Exception {
        delivery();
        var leaving = open("leaving");
        var staying = open("staying");
        subscribe(leaving, "a", 5);
        subscribe(staying, "b", 5);
        subscribe(staying, "c", 6);
        assertThat(outboxes.count()).isEqualTo(2);
        fanout.publish(stored(5, 1, "one"));
        await().atMost(Duration.ofSeconds(10)).until(() -> leaving.frames.size() == 1 && staying.frames.size() == 1);

        handler.afterConnectionClosed(leaving.session, CloseStatus.GOING_AWAY);
        unsubscribe(staying, "b");
        assertThat(outboxes.count()).isEqualTo(1);
        fanout.publish(stored(5, 2, "two"));
        fanout.publish(stored(6, 1, "three"));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.eventsDone.get() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> staying.frames.size() == 2);
        assertThat(leaving.frames).hasSize(1);
        assertThat(staying.messages("b")).hasSize(1);
        assertThat(staying.messages("c")).extracting(m -> m[0]).containsExactly(6L);
    }
}
