package org.village.chat.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * The in-JVM listeners of each room (open Vaadin views), behind one receiver of the fan-out: an event goes only to
 * its own room's listeners, so a node with thousands of open views does not ask each of them about every event.
 */
@Component
public class RoomListeners {

    private static final Logger log = LoggerFactory.getLogger(RoomListeners.class);

    private final Map<Long, Set<Consumer<ChatEvent>>> rooms = new ConcurrentHashMap<>();

    RoomListeners(ChatFanout fanout) {
        fanout.receive(this::deliver);
    }

    public ChatFanout.Registration add(long roomId, Consumer<ChatEvent> listener) {
        // a wrapper per registration, so the same listener added twice is removed once per registration
        Consumer<ChatEvent> own = listener::accept;
        rooms.computeIfAbsent(roomId, r -> new CopyOnWriteArraySet<>()).add(own);
        return () -> rooms.computeIfPresent(roomId, (r, set) -> {
            set.remove(own);
            return set.isEmpty() ? null : set;
        });
    }

    /** Tells this node's listeners of the event's room only (nothing else on this node or other nodes hears it). */
    void tell(ChatEvent event) {
        deliver(event);
    }

    private void deliver(ChatEvent event) {
        var listeners = rooms.get(event.roomId());
        if (listeners == null) {
            return;
        }
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A chat view could not take an event ({}); the others still get it", e.getClass().getSimpleName());
            }
        }
    }

    /** How many listeners this node has in a room. */
    public int count(long roomId) {
        var listeners = rooms.get(roomId);
        return listeners == null ? 0 : listeners.size();
    }
}
