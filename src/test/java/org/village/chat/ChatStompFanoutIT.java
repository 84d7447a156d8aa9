package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.chat.api.StompOutboxes;
import org.village.chat.internal.ChatStore;
import org.village.security.ApiTokens;

/**
 * The room fan-out that writes each message's frame once for all subscribers (decision 098), through a real
 * WebSocket as a phone app sees it: the frame is the one Spring's broker sent before, byte for byte but for the
 * {@code message-id} (a subscription id a client escaped comes back escaped); UNSUBSCRIBE, DISCONNECT and a
 * connection dropped without a word each leave no subscription and no outbox behind, and nothing more reaches them.
 */
class ChatStompFanoutIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;
    @Autowired SimpMessagingTemplate template;
    @Autowired StompOutboxes outboxes;
    @Autowired @Qualifier("simpleBrokerMessageHandler") AbstractBrokerMessageHandler broker;

    ChatFixture data;
    final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (var c : open) {
            c.close();
        }
    }

    /** A STOMP client that writes and reads raw frames, so the test sees the exact text the server sends. */
    final class Raw implements AutoCloseable {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final WebSocketSession ws;

        Raw(int port, String token) throws Exception {
            ws = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                    if (!message.getPayload().equals("\n")) { // a heartbeat
                        frames.add(message.getPayload());
                    }
                }
            }, new WebSocketHttpHeaders(), URI.create("ws://127.0.0.1:" + port + "/ws")).get(10, TimeUnit.SECONDS);
            open.add(this);
            frame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n");
            assertThat(next()).startsWith("CONNECTED\n");
        }

        void frame(String text) throws Exception {
            ws.sendMessage(new TextMessage(text + "\0"));
        }

        /** Subscribes with the id as the client writes it (escaped) and waits for the RECEIPT. */
        void subscribe(String escapedId, long room) throws Exception {
            String receipt = "r-" + TestText.letters(6);
            frame("SUBSCRIBE\nid:" + escapedId + "\ndestination:/topic/rooms." + room + "\nreceipt:" + receipt + "\n\n");
            assertThat(next()).startsWith("RECEIPT\nreceipt-id:" + receipt + "\n");
        }

        void send(long room, String clientId, String body) throws Exception {
            frame("SEND\ndestination:/app/rooms." + room + ".send\ncontent-type:application/json\n\n"
                    + StompTestClient.JSON.writeValueAsString(Map.of("clientId", clientId, "body", body)));
        }

        String next() throws InterruptedException {
            String f = frames.poll(10, TimeUnit.SECONDS);
            assertThat(f).as("a frame within 10 s").isNotNull();
            return f;
        }

        @Override
        public void close() throws Exception {
            if (ws.isOpen()) {
                ws.close();
            }
        }
    }

    private String token(String username) {
        return tokens.issue(username, "sunny-garden-path", "127.0.0.63").token();
    }

    private MultiValueMap<String, String> subscribers(long room) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination("/topic/rooms." + room);
        return ((SimpleBrokerMessageHandler) broker).getSubscriptionRegistry()
                .findSubscriptions(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
    }

    private static String withoutMessageId(String frame) {
        return frame.replaceFirst("\nmessage-id:[^\n]*\n", "\nmessage-id:?\n");
    }

    @Test
    void theRoomFrameIsTheOneSpringsBrokerSentByteForByte() throws Exception {
        long room = data.openRoom();
        var client = new Raw(port, token(data.parent()));
        client.subscribe("room\\c" + room + "\\\\a", room); // the id "room:N\a", escaped as a client writes it
        String words = "Hello </script> \"zoë\" cześć 👋 " + TestText.letters(6);
        client.send(room, "fan-" + TestText.letters(10), words);
        String ours = client.next();
        assertThat(ours).startsWith("MESSAGE\ndestination:/topic/rooms." + room + "\ncontent-type:application/json\n"
                + "subscription:room\\c" + room + "\\\\a\nmessage-id:").contains(words.replace("\"", "\\\"")).endsWith("}\0");

        // the same JSON through Spring's broker, as every room message went before
        String json = ours.substring(ours.indexOf("\n\n") + 2, ours.length() - 1);
        template.convertAndSend("/topic/rooms." + room, (Object) StompTestClient.JSON.readValue(json, java.util.LinkedHashMap.class));
        String springs = client.next();
        assertThat(withoutMessageId(ours)).isEqualTo(withoutMessageId(springs));
    }

    @Test
    void unsubscribeDisconnectAndADroppedConnectionLeaveNothingBehind() throws Exception {
        long room = data.openRoom();
        var unsubscribing = new Raw(port, token(data.parent()));
        var disconnecting = new Raw(port, token(data.parent()));
        var staying = new Raw(port, token(data.parent()));
        Raw dropped;
        java.util.Set<String> ids;
        try (var proxy = new TcpProxy(port)) {
            dropped = new Raw(proxy.port(), token(data.parent()));
            for (var c : List.of(unsubscribing, disconnecting, staying, dropped)) {
                c.subscribe("sub-0", room);
            }
            var before = subscribers(room);
            assertThat(before).hasSize(4);
            ids = java.util.Set.copyOf(before.keySet());
            ids.forEach(id -> assertThat(outboxes.has(id)).isTrue());

            unsubscribing.frame("UNSUBSCRIBE\nid:sub-0\n\n");
            disconnecting.frame("DISCONNECT\n\n");
            proxy.cut(); // the connection dropped: no DISCONNECT, no WebSocket close
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribers(room).size() == 1);
            // the unsubscribed one and the one staying are still connected; the other two have no outbox any more
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().filter(outboxes::has).count() == 2);
        }
        staying.send(room, "fan-" + TestText.letters(10), "Still here " + TestText.letters(5));
        assertThat(staying.next()).startsWith("MESSAGE\n").contains("Still here");
        assertThat(unsubscribing.frames.poll(1, TimeUnit.SECONDS)).as("nothing for an unsubscribed client").isNull();
        assertThat(dropped.frames).isEmpty();
        assertThat(subscribers(room)).hasSize(1);
        disconnecting.close();
        unsubscribing.close();
        staying.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers(room).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().noneMatch(outboxes::has));
    }

    @Test
    void aConnectionCutOffForAFloodOfFramesLeavesNoSubscriptionBehind() throws Exception {
        long room = data.openRoom();
        var flooding = new Raw(port, token(data.parent()));
        flooding.subscribe("sub-0", room);
        assertThat(subscribers(room)).hasSize(1);
        for (int i = 0; i < 40 && flooding.ws.isOpen(); i++) {
            flooding.frame("UNSUBSCRIBE\nid:none-" + i + "\n\n");
        }
        assertThat(flooding.next()).startsWith("ERROR\n");
        // the connection's own DISCONNECT, sent by Spring when it closed, is not a frame of the flood
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers(room).isEmpty());
    }
}
