package org.village.chat;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeType;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.json.JsonMapper;

/** A STOMP client for the tests, as another app would be: Spring's WebSocketStompClient over a plain WebSocket. */
final class StompTestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the server said on the connection: ERROR frames, and the transport closing. */
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    StompSession session;
    /** Times receipts out (Spring's client needs one to follow receipts at all). */
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private static final java.util.concurrent.atomic.AtomicLong RECEIPTS = new java.util.concurrent.atomic.AtomicLong();

    /** Text in and out, whatever the content type (the server sends application/json). */
    static final class Text extends AbstractMessageConverter {
        Text() {
            super(List.of(new MimeType("application", "json"), new MimeType("text", "plain"),
                    new MimeType("application", "octet-stream")));
            setStrictContentTypeMatch(false);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return clazz == String.class;
        }

        @Override
        protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
            Object payload = message.getPayload();
            return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(payload);
        }

        @Override
        protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
            return String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Connects; an empty result when the server refused (ERROR frame or closed, see {@link #errors}). */
    static StompTestClient connect(int port, String token, String origin) {
        var client = new StompTestClient();
        var stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new Text());
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        client.scheduler.setDaemon(true);
        client.scheduler.setThreadNamePrefix("stomp-test-receipts-");
        client.scheduler.initialize();
        stomp.setTaskScheduler(client.scheduler);
        var handshake = new WebSocketHttpHeaders();
        if (origin != null) {
            handshake.setOrigin(origin);
        }
        var connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        try {
            client.session = stomp.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), handshake, connect,
                    new StompSessionHandlerAdapter() {
                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return String.class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            client.errors.add((headers.getFirst("code") == null ? "" : headers.getFirst("code") + ": ")
                                    + headers.getFirst("message"));
                        }

                        @Override
                        public void handleException(StompSession s, StompCommand command, StompHeaders headers,
                                                    byte[] payload, Throwable exception) {
                            client.errors.add("exception: " + exception);
                        }

                        @Override
                        public void handleTransportError(StompSession s, Throwable exception) {
                            client.closed.complete(null);
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (Exception refused) {
            client.session = null;
            client.closed.complete(null);
        }
        return client;
    }

    boolean connected() {
        return session != null && session.isConnected();
    }

    /** What one subscription received: the messages' JSON bodies, in order. */
    static final class Received extends LinkedBlockingQueue<Map<String, Object>> {
        /** Done when the server's RECEIPT for the SUBSCRIBE came: from then on nothing sent there passes it by. */
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    }

    /**
     * Subscribes with a {@code receipt} header; every message's JSON body goes to the returned queue, and its
     * {@code subscribed} completes on the server's RECEIPT (none comes for a refused subscription).
     */
    Received subscribe(String destination) {
        var received = new Received();
        var headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("sub-" + RECEIPTS.incrementAndGet());
        var subscription = session.subscribe(headers, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(JSON.readValue((String) payload, Map.class));
            }
        });
        subscription.addReceiptTask(() -> received.subscribed.complete(null));
        return received;
    }

    void send(String destination, String json) {
        var headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(new MimeType("application", "json"));
        session.send(headers, json);
    }

    static String message(String clientId, String body) {
        return JSON.writeValueAsString(Map.of("clientId", clientId, "body", body));
    }

    void close() {
        try {
            if (session != null && session.isConnected()) {
                session.disconnect();
            }
        } catch (org.springframework.messaging.MessageDeliveryException closedMeanwhile) {
            // the server closed the connection between the check and the DISCONNECT (after an ERROR frame): done
        } finally {
            scheduler.shutdown();
        }
    }
}
