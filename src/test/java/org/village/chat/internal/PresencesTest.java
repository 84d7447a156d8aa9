package org.village.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.village.MovableClock;
import org.village.chat.Chat.Present;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * Presence on several nodes (decision 084): two nodes on a stand-in broker with a clock the test moves. A node that
 * stops (crashes, or can no longer be heard) stops renewing its people, and the other node drops them after three
 * periods and tells its open views; a "left" lost on the way is put right by the next renewal.
 */
class PresencesTest {

    static final long ROOM = 5;
    static final Duration EVERY = Duration.ofSeconds(10);

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T19:00:00Z"));
    /** The "broker": every node's receivers get every event; a cut-off (or stopped) node's events reach only itself. */
    final List<Receivers> nodes = new CopyOnWriteArrayList<>();
    final Set<String> stopped = ConcurrentHashMap.newKeySet();
    Presences a;
    Presences b;
    final List<ChatEvent> viewOnA = new CopyOnWriteArrayList<>();

    Presences node(String name, Consumer<ChatEvent> view) {
        var receivers = new Receivers();
        nodes.add(receivers);
        ChatFanout fanout = new ChatFanout() {
            @Override
            public void publish(ChatEvent event) {
                if (!stopped.contains(name)) {
                    nodes.forEach(r -> r.deliver(event));
                } else {
                    receivers.deliver(event); // as the Redis transport: its own node hears it at once
                }
            }

            @Override
            public Registration receive(Consumer<ChatEvent> receiver) {
                return receivers.add(receiver);
            }
        };
        var listeners = new RoomListeners(fanout);
        if (view != null) {
            listeners.add(ROOM, view);
        }
        return new Presences(fanout, listeners, clock, name, EVERY);
    }

    @BeforeEach
    void twoNodes() {
        a = node("node-a", e -> {
            if (e instanceof ChatEvent.Presence) {
                viewOnA.add(e); // the view also hears renewals, which it ignores
            }
        });
        b = node("node-b", null);
    }

    @Test
    void aStoppedNodesPeopleLeaveWithinThreePeriodsAndTheViewsAreTold() {
        a.publish(ROOM, 1, "Sunflower", true, clock.instant());
        b.publish(ROOM, 2, "Robin", true, clock.instant());
        assertThat(a.in(ROOM)).containsExactlyInAnyOrder(new Present(1, "Sunflower"), new Present(2, "Robin"));

        // while node B renews, Robin stays however long it takes
        for (int i = 0; i < 6; i++) {
            clock.move(EVERY);
            a.renew();
            b.renew();
        }
        assertThat(a.in(ROOM)).contains(new Present(2, "Robin"));

        stopped.add("node-b"); // node B crashes: no "left", no renewals
        clock.move(EVERY);
        a.renew();
        clock.move(EVERY);
        a.renew();
        assertThat(a.in(ROOM)).as("two periods: still kept").contains(new Present(2, "Robin"));
        viewOnA.clear();
        clock.move(EVERY.plusSeconds(1));
        a.renew();
        assertThat(a.in(ROOM)).as("after three periods only node A's own people").containsExactly(new Present(1, "Sunflower"));
        assertThat(viewOnA).as("node A's open view is told Robin left")
                .containsExactly(new ChatEvent.Presence(ROOM, 2, "Robin", false, "node-a", clock.instant()));

        // node A's own people never expire on node A
        clock.move(Duration.ofHours(1));
        a.expire();
        assertThat(a.in(ROOM)).containsExactly(new Present(1, "Sunflower"));
    }

    @Test
    void aLeaveLostOnTheWayIsPutRightByTheNextRenewalAndAMissedArrivalToo() {
        b.publish(ROOM, 2, "Robin", true, clock.instant());
        stopped.add("node-b");
        b.publish(ROOM, 2, "Robin", false, clock.instant()); // lost (broker away)
        b.publish(ROOM, 3, "Wren", true, clock.instant()); // lost too
        stopped.remove("node-b");
        assertThat(a.in(ROOM)).containsExactly(new Present(2, "Robin"));

        viewOnA.clear();
        clock.move(EVERY);
        b.renew();
        assertThat(a.in(ROOM)).containsExactly(new Present(3, "Wren"));
        assertThat(viewOnA).extracting(e -> ((ChatEvent.Presence) e).here()).containsExactlyInAnyOrder(false, true);

        // Wren leaves node B: one more renewal says the room is empty there, then B says nothing of it
        b.publish(ROOM, 3, "Wren", false, clock.instant());
        assertThat(a.in(ROOM)).isEmpty();
        var said = new CopyOnWriteArrayList<ChatEvent>();
        nodes.getFirst().add(e -> {
            if (e instanceof ChatEvent.PresenceRenewed) {
                said.add(e);
            }
        });
        b.renew();
        b.renew();
        assertThat(said).singleElement().isEqualTo(new ChatEvent.PresenceRenewed(ROOM, "node-b", List.of(), clock.instant()));
    }

    @Test
    void twoTabsOnTheOtherNodeAreOnePersonAndRenewalKeepsBothTabsCounted() {
        b.publish(ROOM, 2, "Robin", true, clock.instant());
        b.publish(ROOM, 2, "Robin", true, clock.instant());
        clock.move(EVERY);
        b.renew();
        b.publish(ROOM, 2, "Robin", false, clock.instant()); // one tab closes
        assertThat(a.in(ROOM)).containsExactly(new Present(2, "Robin"));
        b.publish(ROOM, 2, "Robin", false, clock.instant());
        assertThat(a.in(ROOM)).isEmpty();
    }
}
