package org.village.chat.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * This node's receivers of chat events (the STOMP delivery, each open Vaadin view, presence). Every
 * {@link ChatFanout} hands what reaches this node to {@link #deliver}: the in-process one at once, a broker one for
 * what the broker delivers. One receiver failing never stops the others.
 */
@Component
public class Receivers {

    private static final Logger log = LoggerFactory.getLogger(Receivers.class);

    private final CopyOnWriteArrayList<Consumer<ChatEvent>> receivers = new CopyOnWriteArrayList<>();

    public ChatFanout.Registration add(Consumer<ChatEvent> receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    public void deliver(ChatEvent event) {
        for (var receiver : receivers) {
            try {
                receiver.accept(event);
            } catch (RuntimeException e) {
                log.warn("A chat receiver failed ({}); the others still get the event", e.getClass().getSimpleName());
            }
        }
    }

    /** How many receivers this node has (views open, plus the STOMP delivery and presence). */
    public int count() {
        return receivers.size();
    }
}
