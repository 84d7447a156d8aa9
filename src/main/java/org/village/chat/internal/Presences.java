package org.village.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.village.chat.Chat.Present;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * Who has which room open, from the presence events of every node: each node counts open views per person, so a
 * person with two tabs stays present until both close. Kept in memory only (presence is live, not history).
 * <p>
 * Several nodes (decision 084): every {@code village.chat.presence-every} each node says again who has each room
 * open on it ({@link ChatEvent.PresenceRenewed}); another node's people are kept only while that node renews them
 * (an entry not renewed for three periods goes), so when a node stops, its people leave the other nodes' "here"
 * lists within three periods, and a "left" or "came" event lost in a broker outage is put right by the next renewal.
 * This node's own people never expire here: it knows them itself.
 */
@Component
public class Presences {

    private final ChatFanout fanout;
    private final RoomListeners listeners;
    private final Clock clock;
    private final String node;
    private final Duration every;
    /** room → (node + account) → name, open views and when it was last said. */
    private final Map<Long, Map<String, Here>> rooms = new ConcurrentHashMap<>();

    /** Rooms this node had people in at its last renewal. */
    private volatile java.util.Set<Long> saidLast = java.util.Set.of();

    private record Here(String node, long accountId, String name, int views, Instant said) {
    }

    Presences(ChatFanout fanout, RoomListeners listeners, Clock clock,
              @Value("${village.chat.node-name:${random.uuid}}") String node,
              @Value("${village.chat.presence-every:PT10S}") Duration every) {
        this.fanout = fanout;
        this.listeners = listeners;
        this.clock = clock;
        this.node = node;
        this.every = every;
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
        if (event instanceof ChatEvent.PresenceRenewed r) {
            renewed(r);
            return;
        }
        if (!(event instanceof ChatEvent.Presence p)) {
            return;
        }
        String key = p.node() + "/" + p.accountId();
        Instant now = clock.instant();
        rooms.computeIfAbsent(p.roomId(), r -> new ConcurrentHashMap<>()).compute(key, (k, old) -> {
            int views = (old == null ? 0 : old.views()) + (p.here() ? 1 : -1);
            return views <= 0 ? null : new Here(p.node(), p.accountId(), p.name(), views, now);
        });
    }

    /** Another node's people in a room as it says now: kept and renewed, added when missed, dropped when gone. */
    private void renewed(ChatEvent.PresenceRenewed r) {
        if (node.equals(r.node())) {
            return;
        }
        Instant now = clock.instant();
        var room = rooms.computeIfAbsent(r.roomId(), x -> new ConcurrentHashMap<>());
        var before = people(r.roomId());
        var said = new HashSet<String>();
        for (Present p : r.here()) {
            String key = r.node() + "/" + p.accountId();
            said.add(key);
            room.compute(key, (k, old) -> new Here(r.node(), p.accountId(), p.name(), old == null ? 1 : old.views(), now));
        }
        room.entrySet().removeIf(e -> e.getValue().node().equals(r.node()) && !said.contains(e.getKey()));
        tellIfChanged(r.roomId(), before);
    }

    /** Says again who has each room open on this node (every node does this; see the class comment). */
    @Scheduled(fixedDelayString = "${village.chat.presence-every:PT10S}", initialDelayString = "${village.chat.presence-every:PT10S}")
    public void renew() {
        if (fanout instanceof LocalChatFanout) {
            return; // one node: nobody else to tell, and nothing from other nodes to expire
        }
        Instant now = clock.instant();
        var saidNow = new HashSet<Long>();
        for (var e : rooms.entrySet()) {
            var mine = e.getValue().values().stream().filter(h -> h.node().equals(node))
                    .map(h -> new Present(h.accountId(), h.name())).distinct().toList();
            // a room where nobody is here any more on this node is said once as empty, then no longer
            if (!mine.isEmpty() || saidLast.contains(e.getKey())) {
                fanout.publish(new ChatEvent.PresenceRenewed(e.getKey(), node, mine, now));
            }
            if (!mine.isEmpty()) {
                saidNow.add(e.getKey());
            }
        }
        saidLast = saidNow;
        expire();
    }

    /** Drops other nodes' people not renewed for three periods (their node stopped or cannot be heard). */
    public void expire() {
        Instant stale = clock.instant().minus(every.multipliedBy(3));
        for (var e : rooms.entrySet()) {
            var before = people(e.getKey());
            boolean dropped = e.getValue().values()
                    .removeIf(h -> !h.node().equals(node) && h.said().isBefore(stale));
            if (dropped) {
                tellIfChanged(e.getKey(), before);
            }
        }
    }

    /** Tells this node's open views of the room when renewal or expiry changed who is here (they read it again). */
    private void tellIfChanged(long roomId, List<Present> before) {
        var after = people(roomId);
        if (after.equals(before)) {
            return;
        }
        Instant now = clock.instant();
        for (Present gone : before) {
            if (!after.contains(gone)) {
                listeners.tell(new ChatEvent.Presence(roomId, gone.accountId(), gone.name(), false, node, now));
            }
        }
        for (Present came : after) {
            if (!before.contains(came)) {
                listeners.tell(new ChatEvent.Presence(roomId, came.accountId(), came.name(), true, node, now));
            }
        }
    }

    private List<Present> people(long roomId) {
        return new ArrayList<>(in(roomId));
    }

    /** The people present in a room (each once). */
    public List<Present> in(long roomId) {
        var here = rooms.getOrDefault(roomId, Map.of());
        return here.values().stream().map(h -> new Present(h.accountId(), h.name())).distinct().toList();
    }
}
