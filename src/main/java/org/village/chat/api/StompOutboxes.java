package org.village.chat.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Every open STOMP connection of this node with its {@link StompOutbox} (decision 098). Each connection is wrapped,
 * before Spring's STOMP handler sees it, in one {@code ConcurrentWebSocketSessionDecorator} with the API's limits
 * ({@link #SEND_TIME_LIMIT_MS}, {@link #SEND_BUFFER_LIMIT}): Spring's frames and the room frames both pass through
 * it, so they never write at the same moment, and a connection that cannot keep up is closed as before. The outbox
 * goes when the connection closes (for any reason: DISCONNECT, the client gone, a limit).
 */
@Component
public class StompOutboxes {

    /** A connection whose write takes longer than this is closed. */
    static final int SEND_TIME_LIMIT_MS = 10_000;
    /** A connection with more than this many bytes waiting to go out is closed. */
    static final int SEND_BUFFER_LIMIT = 1024 * 1024;

    private final Map<String, StompOutbox> open = new ConcurrentHashMap<>();
    /** The writers: one virtual thread per connection while it has frames to write. */
    private final Executor writers = task -> Thread.ofVirtual().name("chat-stomp-out").start(task);

    /** Wraps the STOMP handler: each connection gets its thread-safe decorator and outbox while it is open. */
    WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                var safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
                open.put(session.getId(), new StompOutbox(safe, writers,
                        TimeUnit.MILLISECONDS.toNanos(SEND_TIME_LIMIT_MS), SEND_BUFFER_LIMIT));
                super.afterConnectionEstablished(safe);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                var outbox = open.remove(session.getId());
                if (outbox != null) {
                    outbox.close();
                }
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    /** The open connection's outbox, or null when it is closed (or not this node's). */
    StompOutbox outbox(String sessionId) {
        return open.get(sessionId);
    }

    /** How many connections have an outbox (tests: none is left behind). */
    public int count() {
        return open.size();
    }

    /** Whether the connection has an outbox, i.e. is open on this node (tests: none is left behind). */
    public boolean has(String sessionId) {
        return open.containsKey(sessionId);
    }
}
