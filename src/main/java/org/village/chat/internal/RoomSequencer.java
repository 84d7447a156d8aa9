package org.village.chat.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;

/**
 * Hands this node's receivers each room's stored messages once, in sequence order, with no gaps (decision 086).
 * Events from several nodes can arrive out of order (two nodes commit 5 and 6, and 6 is published first), twice (the
 * node's own and the broker's copy) or never (a broker outage). The database is the truth: when a message arrives
 * with a number past the next one expected, the missing ones are read from the database first; a number already
 * handed on is dropped; and {@link #catchUp} (every few seconds, and when the broker comes back) reads what was
 * stored after the last number handed on, so the tail of an outage arrives even when nobody writes again.
 * <p>
 * Seq numbers are dense among shown messages: a number is taken under the room's row lock in the same transaction
 * as the row, so by the time anyone hears of number n, every number below n is committed and readable.
 * Other events (removed, room changed, presence, typing) carry no number and go straight through.
 */
class RoomSequencer {

    /** What the sequencer needs from the database. */
    interface Source {
        /** Numbered messages after {@code after}, in stored order, as readers see them. */
        List<Chat.Message> after(long roomId, long after, int limit);

        /** Every room's latest number. */
        Map<Long, Long> lastSeqs();

        /** Every room's change marks (decision 084); none: changes are not caught up. */
        default Map<Long, ChatStore.RoomChanges> changes() {
            return Map.of();
        }

        /** One room's change marks now, or {@code null} when changes are not followed. */
        default ChatStore.RoomChanges changes(long roomId) {
            return null;
        }

        /** Shown messages whose latest change is in {@code (after, upTo]}, in change order, as they are now. */
        default List<ChatStore.Changed> changedAfter(long roomId, long after, long upTo, int limit) {
            return List.of();
        }
    }

    private static final int PAGE = 200;

    private final Receivers receivers;
    private final Source source;
    private final Map<Long, Cursor> cursors = new ConcurrentHashMap<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong filledFromDatabase = new AtomicLong();
    final AtomicLong duplicatesDropped = new AtomicLong();
    /** Changes (removed, hidden, restored, edited; room settings) handed on from the database, not from an event. */
    final AtomicLong changesFromDatabase = new AtomicLong();
    /** room → the last message change and settings version handed on. */
    private final Map<Long, Marks> marks = new ConcurrentHashMap<>();

    private static final class Marks {
        long messages;
        int settings;

        Marks(ChatStore.RoomChanges now) {
            messages = now.messages();
            settings = now.settings();
        }
    }

    private static final class Cursor {
        long last;

        Cursor(long last) {
            this.last = last;
        }
    }

    RoomSequencer(Receivers receivers, Source source) {
        this.receivers = receivers;
        this.source = source;
    }

    /** Hands the event on in order, once (messages with a number), or at once (everything else). */
    void accept(ChatEvent event) {
        if (event instanceof ChatEvent.MessageChanged changed) {
            acceptChange(changed);
            return;
        }
        if (event instanceof ChatEvent.RoomChanged room) {
            acceptRoomChange(room);
            return;
        }
        if (!(event instanceof ChatEvent.MessageStored stored) || stored.message().seq() == null) {
            receivers.deliver(event);
            return;
        }
        long room = stored.roomId();
        long seq = stored.message().seq();
        Cursor cursor = cursors.computeIfAbsent(room, r -> new Cursor(seq - 1));
        synchronized (cursor) {
            if (seq <= cursor.last) {
                duplicatesDropped.incrementAndGet();
                return;
            }
            if (seq > cursor.last + 1) {
                fill(room, cursor, seq - 1);
                if (seq <= cursor.last) {
                    duplicatesDropped.incrementAndGet();
                    return;
                }
            }
            // a reader's copy (filled) and the event are the same message; the event is handed on as it came
            receivers.deliver(event);
            delivered.incrementAndGet();
            cursor.last = seq;
        }
    }

    /**
     * Reads from the database what was stored after the last number handed on, for every room (the safety net for
     * the tail of a broker outage). A room seen for the first time starts at its latest number: this node's views
     * and clients read older messages themselves when they open.
     */
    void catchUp() {
        for (var e : source.lastSeqs().entrySet()) {
            long room = e.getKey();
            long lastSeq = e.getValue();
            Cursor cursor = cursors.computeIfAbsent(room, r -> new Cursor(lastSeq));
            synchronized (cursor) {
                if (lastSeq > cursor.last) {
                    fill(room, cursor, lastSeq);
                }
            }
        }
        catchUpChanges();
    }

    /**
     * A message changed (decision 084). The event says "something changed"; what is handed on is every message of
     * the room changed since the last change handed on, as it is in the database now (this one included), so a
     * change whose event was lost in an outage arrives with the next one, and one already handed on by
     * {@link #catchUp} is not handed on again.
     */
    private void acceptChange(ChatEvent.MessageChanged event) {
        long room = event.roomId();
        ChatStore.RoomChanges now = source.changes(room);
        if (now == null) {
            receivers.deliver(event);
            return;
        }
        boolean[] first = {false};
        Marks m = marks.computeIfAbsent(room, r -> {
            first[0] = true;
            return new Marks(now);
        });
        synchronized (m) {
            if (first[0]) {
                receivers.deliver(event);
                return;
            }
            if (now.messages() <= m.messages) {
                duplicatesDropped.incrementAndGet();
                return;
            }
            if (!fillChanges(room, m, now.messages(), event.message().id())) {
                receivers.deliver(event); // not readable as changed (should not happen): the event as it came
            }
        }
    }

    /** The room's settings changed: handed on, and remembered so that catch-up does not hand it on again. */
    private void acceptRoomChange(ChatEvent.RoomChanged event) {
        ChatStore.RoomChanges now = source.changes(event.roomId());
        if (now != null) {
            Marks m = marks.computeIfAbsent(event.roomId(), r -> new Marks(now));
            synchronized (m) {
                m.settings = Math.max(m.settings, now.settings());
            }
        }
        receivers.deliver(event);
    }

    /**
     * Reads what changed since the last change handed on, for every room: messages removed, hidden, restored or
     * edited (their state now) and room settings. A room seen for the first time starts at its marks now.
     */
    void catchUpChanges() {
        for (var e : source.changes().entrySet()) {
            long room = e.getKey();
            var now = e.getValue();
            Marks m = marks.computeIfAbsent(room, r -> new Marks(now));
            synchronized (m) {
                if (now.messages() > m.messages) {
                    fillChanges(room, m, now.messages(), -1);
                }
                if (now.settings() > m.settings) {
                    m.settings = now.settings();
                    receivers.deliver(new ChatEvent.RoomChanged(room));
                    changesFromDatabase.incrementAndGet();
                }
            }
        }
    }

    /** Hands on the messages changed in {@code (m.messages, upTo]}; true when the message {@code id} was among them. */
    private boolean fillChanges(long room, Marks m, long upTo, long id) {
        boolean found = false;
        while (m.messages < upTo) {
            var rows = source.changedAfter(room, m.messages, upTo, PAGE);
            for (var row : rows) {
                receivers.deliver(new ChatEvent.MessageChanged(room, row.message().forReaders()));
                changesFromDatabase.incrementAndGet();
                found |= row.message().id() == id;
                m.messages = row.change();
            }
            if (rows.size() < PAGE) {
                m.messages = upTo; // numbers of changes that found nothing to change are gaps
            }
        }
        return found;
    }

    /** The last number handed on for a room, or -1 when this node has not followed it yet (tests, figures). */
    long last(long roomId) {
        Cursor c = cursors.get(roomId);
        if (c == null) {
            return -1;
        }
        synchronized (c) {
            return c.last;
        }
    }

    private void fill(long room, Cursor cursor, long upTo) {
        while (cursor.last < upTo) {
            var rows = source.after(room, cursor.last, (int) Math.min(PAGE, upTo - cursor.last));
            if (rows.isEmpty()) {
                return; // not readable (should not happen, see above): the event goes on, clients read history
            }
            for (var m : rows) {
                if (m.seq() == null || m.seq() <= cursor.last) {
                    continue;
                }
                receivers.deliver(new ChatEvent.MessageStored(room, m.forReaders()));
                filledFromDatabase.incrementAndGet();
                delivered.incrementAndGet();
                cursor.last = m.seq();
            }
        }
    }
}
