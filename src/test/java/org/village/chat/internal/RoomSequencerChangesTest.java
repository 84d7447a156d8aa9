package org.village.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;

/**
 * Changes catch up like messages do (decision 084): a removal or a settings change whose event was lost in a broker
 * outage reaches this node's receivers from the database, as the message is now, once.
 */
class RoomSequencerChangesTest {

    static final long ROOM = 9;

    /** The "database": messages with the number of their latest change, the room's counter and settings version. */
    final Map<Long, Chat.Message> messages = new java.util.TreeMap<>();
    final Map<Long, Long> changeOf = new java.util.HashMap<>();
    long counter;
    int settings;
    final List<ChatEvent> handedOn = new CopyOnWriteArrayList<>();
    RoomSequencer sequencer;

    @BeforeEach
    void setUp() {
        var receivers = new Receivers();
        receivers.add(handedOn::add);
        sequencer = new RoomSequencer(receivers, new RoomSequencer.Source() {
            @Override
            public List<Chat.Message> after(long roomId, long after, int limit) {
                return List.of();
            }

            @Override
            public Map<Long, Long> lastSeqs() {
                return Map.of(ROOM, 0L);
            }

            @Override
            public Map<Long, ChatStore.RoomChanges> changes() {
                return Map.of(ROOM, new ChatStore.RoomChanges(counter, settings));
            }

            @Override
            public ChatStore.RoomChanges changes(long roomId) {
                return new ChatStore.RoomChanges(counter, settings);
            }

            @Override
            public List<ChatStore.Changed> changedAfter(long roomId, long after, long upTo, int limit) {
                var out = new ArrayList<ChatStore.Changed>();
                changeOf.entrySet().stream().filter(e -> e.getValue() > after && e.getValue() <= upTo)
                        .sorted(Map.Entry.comparingByValue()).limit(limit)
                        .forEach(e -> out.add(new ChatStore.Changed(e.getValue(), messages.get(e.getKey()))));
                return out;
            }
        });
    }

    Chat.Message message(long id, Chat.Status status) {
        var m = new Chat.Message(id, ROOM, id, "c" + id, 1, "Robin", "words " + id, Instant.EPOCH, status);
        messages.put(id, m);
        return m;
    }

    /** A moderator changes a message: the counter goes up and the message keeps the number. */
    ChatEvent.MessageChanged change(long id, Chat.Status to) {
        var m = message(id, to);
        changeOf.put(id, ++counter);
        return new ChatEvent.MessageChanged(ROOM, m.forReaders());
    }

    List<Long> changedIds() {
        return handedOn.stream().filter(e -> e instanceof ChatEvent.MessageChanged)
                .map(e -> ((ChatEvent.MessageChanged) e).message().id()).toList();
    }

    @Test
    void aRemovalDuringAnOutageArrivesWithTheNextCatchUpOnceAndAsItIsNow() {
        message(1, Chat.Status.SHOWN);
        message(2, Chat.Status.SHOWN);
        sequencer.catchUp(); // the room is followed from its marks now
        assertThat(handedOn).isEmpty();

        change(1, Chat.Status.DELETED); // its event was lost
        sequencer.catchUp();
        assertThat(changedIds()).containsExactly(1L);
        var got = (ChatEvent.MessageChanged) handedOn.getFirst();
        assertThat(got.message().deleted()).isTrue();
        assertThat(got.message().body()).as("a removed message's words never travel").isEmpty();

        sequencer.catchUp();
        assertThat(changedIds()).as("nothing twice").containsExactly(1L);
        assertThat(sequencer.changesFromDatabase.get()).isEqualTo(1);
    }

    @Test
    void aLiveChangeAlreadyCaughtUpIsDroppedAndALiveOneBringsTheLostOnesBeforeIt() {
        message(1, Chat.Status.SHOWN);
        message(2, Chat.Status.SHOWN);
        message(3, Chat.Status.SHOWN);
        sequencer.catchUp();

        var lost = change(1, Chat.Status.DELETED);
        sequencer.catchUp();
        sequencer.accept(lost); // the broker's late copy
        assertThat(changedIds()).containsExactly(1L);
        assertThat(sequencer.duplicatesDropped.get()).isEqualTo(1);

        change(2, Chat.Status.HIDDEN); // lost
        var live = change(3, Chat.Status.DELETED);
        sequencer.accept(live);
        assertThat(changedIds()).containsExactly(1L, 2L, 3L);
        sequencer.accept(live);
        sequencer.catchUp();
        assertThat(changedIds()).as("nothing twice").containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMessageChangedTwiceArrivesAsItIsNow() {
        message(1, Chat.Status.SHOWN);
        sequencer.catchUp();
        change(1, Chat.Status.HIDDEN);
        change(1, Chat.Status.SHOWN); // restored by a moderator, both events lost
        sequencer.catchUp();
        assertThat(handedOn).singleElement().satisfies(e ->
                assertThat(((ChatEvent.MessageChanged) e).message().status()).isEqualTo(Chat.Status.SHOWN));
    }

    @Test
    void aChangeThatFoundNothingToChangeLeavesAGapThatIsSkipped() {
        sequencer.catchUp();
        counter++; // a moderator's second click: the counter went up, no message changed
        change(5, Chat.Status.DELETED);
        sequencer.catchUp();
        assertThat(changedIds()).containsExactly(5L);
    }

    @Test
    void roomSettingsChangedDuringAnOutageAreToldOnceAndALiveOneIsNotToldAgain() {
        sequencer.catchUp();
        settings++;
        sequencer.catchUp();
        sequencer.catchUp();
        assertThat(handedOn).containsExactly(new ChatEvent.RoomChanged(ROOM));

        settings++;
        sequencer.accept(new ChatEvent.RoomChanged(ROOM));
        sequencer.catchUp();
        assertThat(handedOn).hasSize(2);
    }

    @Test
    void aRoomFirstHeardOfByALiveChangeHandsItOn() {
        var live = change(4, Chat.Status.DELETED);
        sequencer.accept(live);
        assertThat(changedIds()).containsExactly(4L);
        sequencer.catchUp();
        assertThat(changedIds()).containsExactly(4L);
    }
}
