package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.village.IntegrationTest;
import org.village.chat.Chat.Audience;
import org.village.chat.internal.ChatStore;
import org.village.security.ApiTokens;

/**
 * A SUBSCRIBE with a {@code receipt} header is answered with a RECEIPT once the subscription is live (a phone app
 * knows from when no message passes it by); a refused one gets its error and no RECEIPT, and no data. A frame
 * between 8 and 32 KB is read and answered kindly.
 */
class ChatStompReceiptIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;

    StompSession session;

    @AfterEach
    void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
    }

    @Test
    void aSubscriptionIsConfirmedWhenLiveAndARefusedOneIsNot() throws Exception {
        var data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
        String parent = data.parent();
        long open = data.openRoom();
        long staffOnly = data.room(Audience.STAFF, true, "");
        String token = tokens.issue(parent, "sunny-garden-path", "127.0.0.62").token();

        var stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new StompTestClient.Text());
        var receipts = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        receipts.initialize();
        stomp.setTaskScheduler(receipts);
        stomp.setReceiptTimeLimit(10_000);
        var connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        session = stomp.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
        session.setAutoReceipt(false);
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        session.subscribe("/user/queue/errors", collect(errors));

        var liveHeaders = new StompHeaders();
        liveHeaders.setDestination("/topic/rooms." + open);
        liveHeaders.setReceipt("room-live");
        var live = new CompletableFuture<Void>();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        session.subscribe(liveHeaders, collect(messages)).addReceiptTask(() -> live.complete(null));
        live.get(10, TimeUnit.SECONDS);

        var refusedHeaders = new StompHeaders();
        refusedHeaders.setDestination("/topic/rooms." + staffOnly);
        refusedHeaders.setReceipt("room-refused");
        var refused = new CompletableFuture<Void>();
        BlockingQueue<String> leaked = new LinkedBlockingQueue<>();
        session.subscribe(refusedHeaders, collect(leaked)).addReceiptTask(() -> refused.complete(null));
        assertThat(errors.poll(10, TimeUnit.SECONDS)).as("the refusal").contains("not_allowed");

        // the confirmed subscription carries the next message; the refused one neither a receipt nor data
        var send = new StompHeaders();
        send.setDestination("/app/rooms." + open + ".send");
        send.setContentType(new org.springframework.util.MimeType("application", "json"));
        session.send(send, StompTestClient.message("r-" + org.village.TestText.letters(8), org.village.TestText.unique("Hello")));
        assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("Hello");
        assertThat(refused).isNotDone();
        assertThat(leaked).isEmpty();

        // a frame over the container's usual 8 KB but under the API's 32 KB limit reaches the gate: a kind "too
        // long", and the connection stays (each STOMP connection carries its own limit, decision 088)
        session.send(send, StompTestClient.message("r-" + org.village.TestText.letters(8), "x".repeat(20_000)));
        assertThat(errors.poll(10, TimeUnit.SECONDS)).contains("too_long");
        assertThat(session.isConnected()).isTrue();
    }

    private static StompFrameHandler collect(BlockingQueue<String> into) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                into.add((String) payload);
            }
        };
    }
}
