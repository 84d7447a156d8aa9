package org.village.chat;

import java.util.function.Consumer;

/**
 * The seam between storing and delivering (decision 081). {@link ChatService} calls {@link #publish} once for every
 * change, after its transaction committed; every receiver on every node gets each event through {@link #receive}.
 * The default ({@code village.chat.broker=none}, one node) hands events to this node's receivers at once, in the
 * publishing thread. A broker transport (several nodes) is another bean of this type: it publishes to the broker and
 * calls its receivers for what the broker delivers, including this node's own events.
 * <p>
 * Delivery may be late or lost (a broker outage): the database is the truth, and clients fill gaps from their last
 * sequence number ({@link ChatService#history}).
 */
public interface ChatFanout {

    /** Sends the event to every node's receivers. Never throws for a transport problem (it is logged and counted). */
    void publish(ChatEvent event);

    /** Adds a receiver for every event on this node (from any node); remove it with the registration. */
    Registration receive(Consumer<ChatEvent> receiver);

    /** Removes a receiver or listener. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        void remove();

        @Override
        default void close() {
            remove();
        }
    }
}
