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
    }

    private static final int PAGE = 200;

    private final Receivers receivers;
    private final Source source;
    private final Map<Long, Cursor> cursors = new ConcurrentHashMap<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong filledFromDatabase = new AtomicLong();
    final AtomicLong duplicatesDropped = new AtomicLong();

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
