package org.village.chat;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STOMP client of the chat API as another app would use it (Spring's {@link WebSocketStompClient} over a plain
 * WebSocket): CONNECT with a bearer token, SUBSCRIBE to {@code /topic/rooms.{id}} and {@code /user/queue/errors},
 * SEND to {@code /app/rooms.{id}.send}. For the two-node test and the load figures.
 */
public final class StompChatClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StompSession session;

    private StompChatClient(StompSession session) {
        this.session = session;
    }

    /** One client engine for many connections (its threads are shared). */
    public static WebSocketStompClient engine() {
        var stomp = new WebSocketStompClient(new StandardWebSocketClient());
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("stomp-client-");
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler);
        stomp.setDefaultHeartbeat(new long[] {0, 0});
        stomp.setInboundMessageSizeLimit(64 * 1024);
        return stomp;
    }

    /**
     * Connects and subscribes to the room; {@code onMessage} gets each message's JSON fields, {@code onError} each
     * error on {@code /user/queue/errors} (and a lost connection, as {@code {"code":"connection_lost"}}).
     */
    public static StompChatClient connect(WebSocketStompClient engine, String wsUrl, String token, long roomId,
                                          Consumer<Map<String, Object>> onMessage,
                                          Consumer<Map<String, Object>> onError) throws Exception {
        return connect(engine, wsUrl, token, roomId, onMessage, onError, null);
    }

    /**
     * As above, and {@code onSent} (when given) gets the answers on {@code /user/queue/sent}: the stored message, when a
     * SEND repeated a client id already stored (a resend after a lost connection).
     */
    public static StompChatClient connect(WebSocketStompClient engine, String wsUrl, String token, long roomId,
                                          Consumer<Map<String, Object>> onMessage,
                                          Consumer<Map<String, Object>> onError,
                                          Consumer<Map<String, Object>> onSent) throws Exception {
        var connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        var subscribed = new CompletableFuture<StompSession>();
        engine.connectAsync(wsUrl, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
            @Override
            public void afterConnected(StompSession session, StompHeaders headers) {
                session.subscribe("/user/queue/errors", handler(onError));
                if (onSent != null) {
                    session.subscribe("/user/queue/sent", handler(onSent));
                }
                var room = new StompHeaders();
                room.setDestination("/topic/rooms." + roomId);
                room.setReceipt("subscribed");
                session.setAutoReceipt(false);
                var subscription = session.subscribe(room, handler(onMessage));
                // only the RECEIPT says the subscription is live (README): a catch-up read before it can miss what is
                // stored in between, for good. No receipt in time: this connection is given up and the caller retries.
                subscription.addReceiptTask(() -> subscribed.complete(session));
                subscription.addReceiptLostTask(() -> {
                    if (subscribed.completeExceptionally(new IllegalStateException("no RECEIPT for the subscription"))) {
                        session.disconnect();
                    }
                });
            }

            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                        Throwable exception) {
                onError.accept(Map.of("code", "client_exception"));
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                if (!subscribed.isDone()) {
                    subscribed.completeExceptionally(exception);
                }
                onError.accept(Map.of("code", "connection_lost"));
            }
        });
        return new StompChatClient(subscribed.get(20, TimeUnit.SECONDS));
    }

    private static StompSessionHandlerAdapter handler(Consumer<Map<String, Object>> consumer) {
        return new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                consumer.accept(JSON.readValue((byte[]) payload, Map.class));
            }
        };
    }

    /** SEND {@code {"clientId","body"}} to {@code /app/rooms.{id}.send}. */
    public void send(long roomId, String clientId, String body) {
        var headers = new StompHeaders();
        headers.setDestination("/app/rooms." + roomId + ".send");
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, JSON.writeValueAsBytes(Map.of("clientId", clientId, "body", body)));
    }

    public boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (org.springframework.messaging.MessageDeliveryException closedMeanwhile) {
            // the server closed the connection between the check and the DISCONNECT: nothing left to close
        }
    }
}
