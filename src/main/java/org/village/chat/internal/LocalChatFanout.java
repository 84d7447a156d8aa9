package org.village.chat.internal;

import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * One node, no broker ({@code village.chat.broker=none}, the default): an event goes straight to this node's
 * receivers, in the publishing thread, after the change committed.
 */
@Component
@ConditionalOnProperty(name = "village.chat.broker", havingValue = "none", matchIfMissing = true)
public class LocalChatFanout implements ChatFanout {

    private final Receivers receivers;

    LocalChatFanout(Receivers receivers) {
        this.receivers = receivers;
    }

    @Override
    public void publish(ChatEvent event) {
        receivers.deliver(event);
    }

    @Override
    public Registration receive(Consumer<ChatEvent> receiver) {
        return receivers.add(receiver);
    }
}
