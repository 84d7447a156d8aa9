package org.village.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;

/** The node's sequencer (decision 086) against a stand-in database: once, in order, gaps read, tails caught up. */
class RoomSequencerTest {

    static final long ROOM = 7;

    /** The "database": the room's stored messages by seq. */
    final TreeMap<Long, Chat.Message> stored = new TreeMap<>();
    final List<Long> handedOn = new CopyOnWriteArrayList<>();
    final List<ChatEvent> others = new CopyOnWriteArrayList<>();
    RoomSequencer sequencer;
    int reads;

    @BeforeEach
    void setUp() {
        var receivers = new Receivers();
        receivers.add(e -> {
            if (e instanceof ChatEvent.MessageStored s) {
                handedOn.add(s.message().seq());
            } else {
                others.add(e);
            }
        });
        sequencer = new RoomSequencer(receivers, new RoomSequencer.Source() {
            @Override
            public List<Chat.Message> after(long roomId, long after, int limit) {
                reads++;
                synchronized (stored) {
                    return stored.tailMap(after, false).values().stream().limit(limit).toList();
                }
            }

            @Override
            public Map<Long, Long> lastSeqs() {
                synchronized (stored) {
                    return Map.of(ROOM, stored.isEmpty() ? 0L : stored.lastKey());
                }
            }
        });
    }

    ChatEvent.MessageStored store(long seq) {
        var m = new Chat.Message(seq * 10, ROOM, seq, "c" + seq, 1, "Robin", "words " + seq, Instant.EPOCH, Chat.Status.SHOWN);
        synchronized (stored) {
            stored.put(seq, m);
        }
        return new ChatEvent.MessageStored(ROOM, m);
    }

    @Test
    void inOrderEventsGoStraightOnWithoutReadingTheDatabase() {
        for (long s = 1; s <= 5; s++) {
            sequencer.accept(store(s));
        }
        assertThat(handedOn).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reads).isZero();
    }

    @Test
    void aLaterNumberFirstBringsTheMissingOnesFromTheDatabaseAndTheLateCopyIsDropped() {
        sequencer.accept(store(1));
        var five = store(5);
        var two = store(2);
        store(3);
        store(4);
        sequencer.accept(five);
        sequencer.accept(two);
        assertThat(handedOn).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sequencer.duplicatesDropped.get()).isEqualTo(1);
        assertThat(sequencer.filledFromDatabase.get()).isEqualTo(3);
    }

    @Test
    void theSameEventTwiceIsHandedOnOnce() {
        var one = store(1);
        sequencer.accept(one);
        sequencer.accept(one);
        assertThat(handedOn).containsExactly(1L);
    }

    @Test
    void catchUpBringsTheTailOfAnOutageWhenNobodyWritesAgain() {
        sequencer.catchUp(); // the room is followed from its latest number (0)
        sequencer.accept(store(1));
        store(2);
        store(3); // published while the broker was away: never arrive as events
        sequencer.catchUp();
        assertThat(handedOn).containsExactly(1L, 2L, 3L);
        sequencer.catchUp();
        assertThat(handedOn).as("nothing twice").containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRoomSeenFirstByCatchUpStartsAtItsLatestNumber() {
        store(1);
        store(2);
        sequencer.catchUp();
        assertThat(handedOn).isEmpty();
        assertThat(sequencer.last(ROOM)).isEqualTo(2);
        sequencer.accept(store(3));
        assertThat(handedOn).containsExactly(3L);
    }

    @Test
    void eventsWithoutANumberGoStraightThrough() {
        sequencer.accept(new ChatEvent.RoomChanged(ROOM));
        sequencer.accept(new ChatEvent.Typing(ROOM, 1, "Robin", Instant.EPOCH));
        assertThat(others).hasSize(2);
        assertThat(handedOn).isEmpty();
    }

    @Test
    void eventsAndCatchUpAtOnceFromManyThreadsHandEachNumberOnOnceInOrder() throws Exception {
        int n = 2000;
        var events = new ArrayList<ChatEvent.MessageStored>();
        for (long s = 1; s <= n; s++) {
            events.add(store(s));
        }
        sequencer.accept(events.getFirst());
        var pool = Executors.newFixedThreadPool(8);
        var done = new CountDownLatch(n - 1 + 50);
        java.util.Collections.shuffle(events.subList(1, n), new java.util.Random(11));
        for (var e : events.subList(1, n)) {
            pool.submit(() -> {
                sequencer.accept(e);
                done.countDown();
            });
        }
        for (int i = 0; i < 50; i++) {
            pool.submit(() -> {
                sequencer.catchUp();
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        var expected = new ArrayList<Long>();
        for (long s = 1; s <= n; s++) {
            expected.add(s);
        }
        assertThat(handedOn).containsExactlyElementsOf(expected);
    }
}
