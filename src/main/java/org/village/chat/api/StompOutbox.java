package org.village.chat.api;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One STOMP connection's room frames on their way out (decision 098): the fan-out puts them here in each room's
 * order and returns at once; one task at a time (a virtual thread, started when frames are waiting and none runs)
 * writes them to the connection in that order. A connection that cannot keep up does not hold up the fan-out or
 * anyone else: like Spring's own {@code ConcurrentWebSocketSessionDecorator}, more than {@code bufferLimit} bytes
 * waiting, or one write taking longer than {@code timeLimit}, closes it ({@code SESSION_NOT_RELIABLE}); the client
 * reconnects and catches up from its last number.
 * <p>
 * {@code session} is the connection's own {@code ConcurrentWebSocketSessionDecorator}, which Spring's frames
 * (receipts, errors, heartbeats) pass through too, so the two never write at the same moment.
 */
final class StompOutbox {

    /** A frame and its size in bytes. */
    private record Out(String text, int bytes) {
    }

    private final WebSocketSession session;
    /** The connection's id, escaped for a header ({@code message-id}), once. */
    final String escapedId;
    private final Executor writers;
    private final long timeLimitNanos;
    private final int bufferLimit;
    private final ConcurrentLinkedQueue<Out> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong waitingBytes = new AtomicLong();
    /** Whether a write is under way, and {@code System.nanoTime()} when it started. */
    private volatile boolean inWrite;
    private volatile long writeStarted;
    private volatile boolean closed;

    StompOutbox(WebSocketSession session, Executor writers, long timeLimitNanos, int bufferLimit) {
        this.session = session;
        this.escapedId = StompFrames.escape(session.getId());
        this.writers = writers;
        this.timeLimitNanos = timeLimitNanos;
        this.bufferLimit = bufferLimit;
    }

    /** Queues a frame (in the caller's order); false when the connection is closed or was closed for its limits. */
    boolean offer(String frame, int bytes) {
        if (closed) {
            return false;
        }
        if (inWrite && System.nanoTime() - writeStarted > timeLimitNanos) {
            cutOff(CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow"));
            return false;
        }
        if (waitingBytes.addAndGet(bytes) > bufferLimit) {
            cutOff(CloseStatus.SESSION_NOT_RELIABLE.withReason("too much waiting"));
            return false;
        }
        queue.add(new Out(frame, bytes));
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        while (true) {
            Out out;
            while ((out = queue.poll()) != null) {
                waitingBytes.addAndGet(-out.bytes());
                if (closed) {
                    continue;
                }
                writeStarted = System.nanoTime();
                inWrite = true;
                try {
                    session.sendMessage(new TextMessage(out.text()));
                } catch (SessionLimitExceededException e) {
                    cutOff(e.getStatus());
                } catch (IOException | RuntimeException e) {
                    // the connection went (the client left): its close removes this outbox
                    closed = true;
                } finally {
                    inWrite = false;
                }
            }
            writing.set(false);
            // a frame queued after the last poll but before the flag was cleared: its offer saw the flag set
            if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Closes the connection for its limits, off the caller's thread (a close can wait for a stuck write). */
    private void cutOff(CloseStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        Thread.ofVirtual().name("chat-stomp-cut").start(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException ignored) {
                // already going
            }
        });
    }

    /** The connection closed: nothing more goes out. */
    void close() {
        closed = true;
        queue.clear();
    }

    boolean isClosed() {
        return closed;
    }

    /** Bytes queued and not yet handed to the connection (tests). */
    long waitingBytes() {
        return waitingBytes.get();
    }
}
