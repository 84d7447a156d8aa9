package org.village.chat.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.village.chat.Chat.Present;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * Who has which room open, from the presence events of every node: each node counts open views per person, so a
 * person with two tabs stays present until both close. Kept in memory only (presence is live, not history).
 */
@Component
public class Presences {

    private final ChatFanout fanout;
    private final String node;
    /** room → (node + account) → name and open views. */
    private final Map<Long, Map<String, Here>> rooms = new ConcurrentHashMap<>();

    private record Here(long accountId, String name, int views) {
    }

    Presences(ChatFanout fanout, @Value("${village.chat.node-name:${random.uuid}}") String node) {
        this.fanout = fanout;
        this.node = node;
        fanout.receive(this::on);
    }

    /** This node's name in presence events. */
    public String node() {
        return node;
    }

    public void publish(long roomId, long accountId, String name, boolean here, Instant at) {
        fanout.publish(new ChatEvent.Presence(roomId, accountId, name, here, node, at));
    }

    private void on(ChatEvent event) {
        if (!(event instanceof ChatEvent.Presence p)) {
            return;
        }
        String key = p.node() + "/" + p.accountId();
        rooms.computeIfAbsent(p.roomId(), r -> new ConcurrentHashMap<>()).compute(key, (k, old) -> {
            int views = (old == null ? 0 : old.views()) + (p.here() ? 1 : -1);
            return views <= 0 ? null : new Here(p.accountId(), p.name(), views);
        });
    }

    /** The people present in a room (each once). */
    public List<Present> in(long roomId) {
        var here = rooms.getOrDefault(roomId, Map.of());
        return here.values().stream().map(h -> new Present(h.accountId(), h.name())).distinct().toList();
    }
}
