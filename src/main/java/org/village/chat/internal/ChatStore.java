package org.village.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.village.chat.Chat;
import org.village.chat.Chat.Audience;
import org.village.chat.Chat.Message;
import org.village.chat.Chat.Status;

/**
 * SQL for chat. The rules that must hold with many writers at once live here, as locks and conditional updates.
 * A plain component, not a {@code @Repository}: {@code JdbcClient} already throws Spring's data-access exceptions, and
 * the translation proxy wrapped each of a send's five calls here for nothing.
 */
@Component
public class ChatStore {

    private final JdbcClient jdbc;

    ChatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RoomRow(long id, String code, String name, String description, Audience audience, String areaCode,
                          boolean alwaysOpen, String hoursText, Instant openedUntil, Instant closedUntil,
                          boolean readOnly, int slowModeSeconds, boolean holdNewMembers, boolean sample, int position,
                          long lastSeq, int version) {
    }

    public record MemberRow(long roomId, long accountId, Instant mutedUntil, Instant lastSentAt, boolean removed,
                            long lastReadSeq, int shownCount) {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // Times are bound as Instants, not Timestamps: Connector/J writes an Instant with a shared DateTimeFormatter in the
    // connection's time zone (UTC, forced on the session), but built a new SimpleDateFormat for each Timestamp
    // parameter: about 4 % of a send's CPU on the frame threads (docs/benchmarks.md, "Why two nodes cost about twice").

    private static final String ROOM_COLUMNS = "id, code, name, description, audience, area_code, always_open, hours_text,"
            + " opened_until, closed_until, read_only, slow_mode_seconds, hold_new_members, sample, position, last_seq,"
            + " version";

    private static RoomRow room(ResultSet rs, int n) throws SQLException {
        return new RoomRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                Audience.valueOf(rs.getString("audience")), rs.getString("area_code"), rs.getBoolean("always_open"),
                rs.getString("hours_text"), instant(rs, "opened_until"), instant(rs, "closed_until"),
                rs.getBoolean("read_only"), rs.getInt("slow_mode_seconds"), rs.getBoolean("hold_new_members"),
                rs.getBoolean("sample"), rs.getInt("position"), rs.getLong("last_seq"), rs.getInt("version"));
    }

    private static final String MESSAGE_COLUMNS = "id, room_id, seq, client_id, author_id, author_name, body, typed,"
            + " status, created_at";

    private static Message message(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("seq");
        Long s = rs.wasNull() ? null : seq;
        return new Message(rs.getLong("id"), rs.getLong("room_id"), s, rs.getString("client_id"), rs.getLong("author_id"),
                rs.getString("author_name"), rs.getString("body"), instant(rs, "created_at"),
                Status.valueOf(rs.getString("status")));
    }

    // ---- rooms ----

    public List<RoomRow> rooms() {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM chat_room ORDER BY position, name, id").query(ChatStore::room).list();
    }

    /** Every removal from a room, as {@code roomId:accountId}: few, read once per sweep of the open connections. */
    public java.util.Set<String> removals() {
        return new java.util.HashSet<>(jdbc.sql("SELECT room_id, account_id FROM chat_member WHERE removed = TRUE")
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2)).list());
    }

    public Optional<RoomRow> room(long id) {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM chat_room WHERE id = ?").param(id).query(ChatStore::room).optional();
    }

    public Optional<RoomRow> roomByCode(String code) {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM chat_room WHERE code = ?").param(code).query(ChatStore::room)
                .optional();
    }

    /** The room, locked until the transaction ends: every send into one room passes here one at a time. */
    public Optional<RoomRow> lockRoom(long id) {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM chat_room WHERE id = ? FOR UPDATE").param(id)
                .query(ChatStore::room).optional();
    }

    /**
     * A shown message's two updates in one statement, in the transaction that stores it: the room's next number (the
     * caller holds the room's row lock, {@link #lockRoom}, and read {@code lockedLastSeq} under it) and the member's
     * last send and shown count. One round trip where there were two, on the path every message takes.
     */
    public long takeSeqAndSent(long roomId, long lockedLastSeq, long accountId, Instant at) {
        long next = lockedLastSeq + 1;
        int rows = jdbc.sql("UPDATE chat_room r JOIN chat_member m ON m.room_id = r.id AND m.account_id = ?"
                        + " SET r.last_seq = ?, m.last_sent_at = ?, m.shown_count = m.shown_count + 1 WHERE r.id = ?")
                .params(accountId, next, at, roomId).update();
        if (rows != 2) {
            throw new IllegalStateException("a chat message's room or member row was not there to update");
        }
        return next;
    }

    public long nextSeq(long roomId) {
        jdbc.sql("UPDATE chat_room SET last_seq = last_seq + 1 WHERE id = ?").param(roomId).update();
        return jdbc.sql("SELECT last_seq FROM chat_room WHERE id = ?").param(roomId).query(Long.class).single();
    }

    /** Adds a room when no room has this code (seeding: what a partnership changed is kept). */
    public boolean addRoomIfMissing(String code, String name, String description, Audience audience, String areaCode,
                                    boolean alwaysOpen, String hoursText, boolean sample, int position, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO chat_room (code, name, description, audience, area_code, always_open, hours_text,"
                        + " sample, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, name, description, audience.name(), areaCode, alwaysOpen, hoursText, sample, position, now)
                .update() == 1;
    }

    public long createRoom(String code, String name, String description, Audience audience, boolean alwaysOpen,
                           String hoursText, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_room (code, name, description, audience, always_open, hours_text, position, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1000, ?)")
                .params(code, name, description, audience.name(), alwaysOpen, hoursText, now).update(keys);
        return keys.getKey().longValue();
    }

    /** Worker overrides: opened early until, or closed until (the other one cleared). */
    public void setOverride(long roomId, Instant openedUntil, Instant closedUntil) {
        jdbc.sql("UPDATE chat_room SET opened_until = ?, closed_until = ?, version = version + 1 WHERE id = ?")
                .params(openedUntil, closedUntil, roomId).update();
    }

    public void setReadOnly(long roomId, boolean readOnly) {
        jdbc.sql("UPDATE chat_room SET read_only = ?, version = version + 1 WHERE id = ?").params(readOnly, roomId).update();
    }

    public void setSlowMode(long roomId, int seconds) {
        jdbc.sql("UPDATE chat_room SET slow_mode_seconds = ?, version = version + 1 WHERE id = ?").params(seconds, roomId)
                .update();
    }

    public void setHoldNewMembers(long roomId, boolean hold) {
        jdbc.sql("UPDATE chat_room SET hold_new_members = ?, version = version + 1 WHERE id = ?").params(hold, roomId)
                .update();
    }

    public void setHours(long roomId, boolean alwaysOpen, String hoursText) {
        jdbc.sql("UPDATE chat_room SET always_open = ?, hours_text = ?, version = version + 1 WHERE id = ?")
                .params(alwaysOpen, hoursText, roomId).update();
    }

    // ---- members ----

    public Optional<MemberRow> member(long roomId, long accountId) {
        return jdbc.sql("SELECT room_id, account_id, muted_until, last_sent_at, removed, last_read_seq, shown_count"
                        + " FROM chat_member WHERE room_id = ? AND account_id = ?").params(roomId, accountId)
                .query((rs, n) -> new MemberRow(rs.getLong("room_id"), rs.getLong("account_id"), instant(rs, "muted_until"),
                        instant(rs, "last_sent_at"), rs.getBoolean("removed"), rs.getLong("last_read_seq"),
                        rs.getInt("shown_count"))).optional();
    }

    /**
     * What a send checks under the room's lock, in one statement (decision 099): the member's row (null when they
     * never joined), how many messages they stored in this room after {@code since} (the flood limit), and the id of
     * their message with this client id, if any (a retry). A plain read, never a locking one (decision 087).
     */
    public SendState sendState(long roomId, long accountId, String clientId, Instant since) {
        return jdbc.sql("SELECT m.room_id, m.account_id, m.muted_until, m.last_sent_at, m.removed, m.last_read_seq,"
                        + " m.shown_count,"
                        + " (SELECT COUNT(*) FROM chat_message x WHERE x.room_id = ? AND x.author_id = ? AND x.created_at > ?)"
                        + " AS recent,"
                        + " (SELECT y.id FROM chat_message y WHERE y.room_id = ? AND y.author_id = ? AND y.client_id = ?)"
                        + " AS earlier_id"
                        + " FROM (SELECT 1 AS one) AS one"
                        + " LEFT JOIN chat_member m ON m.room_id = ? AND m.account_id = ?")
                .params(roomId, accountId, since, roomId, accountId, clientId, roomId, accountId)
                .query((rs, n) -> {
                    long room = rs.getLong("room_id");
                    MemberRow member = rs.wasNull() ? null : new MemberRow(room, rs.getLong("account_id"),
                            instant(rs, "muted_until"), instant(rs, "last_sent_at"), rs.getBoolean("removed"),
                            rs.getLong("last_read_seq"), rs.getInt("shown_count"));
                    long earlier = rs.getLong("earlier_id");
                    Long earlierId = rs.wasNull() ? null : earlier;
                    return new SendState(member, rs.getInt("recent"), earlierId);
                }).single();
    }

    /** See {@link #sendState}. */
    public record SendState(MemberRow member, int recent, Long earlierId) {
    }

    /**
     * Joins the member to the room now and returns their row: a fresh one, or, when someone else added the row
     * meanwhile (a moderator muting them), that row as committed (a locking read sees past the transaction's snapshot).
     */
    public MemberRow joinNow(long roomId, long accountId, Instant now) {
        int added = jdbc.sql("INSERT IGNORE INTO chat_member (room_id, account_id, joined_at) VALUES (?, ?, ?)")
                .params(roomId, accountId, now).update();
        if (added == 1) {
            return new MemberRow(roomId, accountId, null, null, false, 0, 0);
        }
        return jdbc.sql("SELECT room_id, account_id, muted_until, last_sent_at, removed, last_read_seq, shown_count"
                        + " FROM chat_member WHERE room_id = ? AND account_id = ? FOR UPDATE").params(roomId, accountId)
                .query((rs, n) -> new MemberRow(rs.getLong("room_id"), rs.getLong("account_id"), instant(rs, "muted_until"),
                        instant(rs, "last_sent_at"), rs.getBoolean("removed"), rs.getLong("last_read_seq"),
                        rs.getInt("shown_count"))).single();
    }

    /** The member rows of this person, for the room list. */
    public List<MemberRow> memberships(long accountId) {
        return jdbc.sql("SELECT room_id, account_id, muted_until, last_sent_at, removed, last_read_seq, shown_count"
                        + " FROM chat_member WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new MemberRow(rs.getLong("room_id"), rs.getLong("account_id"), instant(rs, "muted_until"),
                        instant(rs, "last_sent_at"), rs.getBoolean("removed"), rs.getLong("last_read_seq"),
                        rs.getInt("shown_count"))).list();
    }

    public void ensureMember(long roomId, long accountId, Instant now) {
        jdbc.sql("INSERT IGNORE INTO chat_member (room_id, account_id, joined_at) VALUES (?, ?, ?)")
                .params(roomId, accountId, now).update();
    }

    /** A held message's update: the member's last send (a shown one is counted by {@link #takeSeqAndSent}). */
    public void sentHeld(long roomId, long accountId, Instant at) {
        jdbc.sql("UPDATE chat_member SET last_sent_at = ? WHERE room_id = ? AND account_id = ?")
                .params(at, roomId, accountId).update();
    }

    public void countShown(long roomId, long accountId) {
        jdbc.sql("UPDATE chat_member SET shown_count = shown_count + 1 WHERE room_id = ? AND account_id = ?")
                .params(roomId, accountId).update();
    }

    public void mute(long roomId, long accountId, Instant until, Instant now) {
        ensureMember(roomId, accountId, now);
        jdbc.sql("UPDATE chat_member SET muted_until = ? WHERE room_id = ? AND account_id = ?")
                .params(until, roomId, accountId).update();
    }

    public void setRemoved(long roomId, long accountId, boolean removed, Instant now) {
        ensureMember(roomId, accountId, now);
        jdbc.sql("UPDATE chat_member SET removed = ? WHERE room_id = ? AND account_id = ?")
                .params(removed, roomId, accountId).update();
    }

    /** Moves the read marker forward only (a stale tab never moves it back). */
    public void markRead(long roomId, long accountId, long seq, Instant now) {
        ensureMember(roomId, accountId, now);
        jdbc.sql("UPDATE chat_member SET last_read_seq = ? WHERE room_id = ? AND account_id = ? AND last_read_seq < ?")
                .params(seq, roomId, accountId, seq).update();
    }

    /** Members muted until after {@code now}, or removed, with the name they last wrote under here (or empty). */
    public List<Chat.Restricted> restricted(long roomId, Instant now) {
        return jdbc.sql("SELECT m.account_id, m.muted_until, m.removed, (SELECT x.author_name FROM chat_message x"
                        + " WHERE x.room_id = m.room_id AND x.author_id = m.account_id ORDER BY x.id DESC LIMIT 1) AS name"
                        + " FROM chat_member m WHERE m.room_id = ? AND (m.removed OR m.muted_until > ?) ORDER BY m.account_id")
                .params(roomId, now)
                .query((rs, n) -> {
                    Instant muted = instant(rs, "muted_until");
                    return new Chat.Restricted(rs.getLong("account_id"), rs.getString("name") == null ? "" : rs.getString("name"),
                            muted != null && muted.isAfter(now) ? muted : null, rs.getBoolean("removed"));
                }).list();
    }

    // ---- messages ----

    /** The message this writer sent with this client id in this room, read with a lock so a committed retry is seen. */
    public Optional<Message> byClientId(long roomId, long authorId, String clientId, boolean lock) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND author_id = ? AND client_id = ?"
                        + (lock ? " FOR UPDATE" : "")).params(roomId, authorId, clientId)
                .query(ChatStore::message).optional();
    }

    /** What the writer typed for a message (to tell a true retry from a reused id). */
    public Optional<String> typed(long messageId) {
        return jdbc.sql("SELECT typed FROM chat_message WHERE id = ?").param(messageId).query(String.class).optional();
    }

    public long insert(long roomId, Long seq, String clientId, long authorId, String authorName, String typed, String body,
                       Status status, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(roomId, seq, clientId, authorId, authorName, typed, body, status.name(), at).update(keys);
        return keys.getKey().longValue();
    }

    public Optional<Message> message(long id) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE id = ?").param(id).query(ChatStore::message)
                .optional();
    }

    /** Numbered messages after {@code after}, in stored order. */
    public List<Message> after(long roomId, long after, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?")
                .params(roomId, after, limit).query(ChatStore::message).list();
    }

    /** The {@code limit} numbered messages just before {@code before}, in stored order. */
    public List<Message> before(long roomId, long before, int limit) {
        var newestFirst = jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND seq < ?"
                        + " ORDER BY seq DESC LIMIT ?").params(roomId, before, limit).query(ChatStore::message).list();
        return newestFirst.reversed();
    }

    /** This writer's messages waiting for a moderator in a room, oldest first. */
    public List<Message> waiting(long roomId, long authorId) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND author_id = ? AND status = 'HELD'"
                + " ORDER BY id").params(roomId, authorId).query(ChatStore::message).list();
    }

    /** A writer's recent messages in a window, for the burst limit (counted with the room locked). */
    public int sentSince(long roomId, long authorId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ? AND author_id = ? AND created_at > ?")
                .params(roomId, authorId, since).query(Integer.class).single();
    }

    /** Changes a message's status only from the one seen: true when this call changed it (counted, decision 084). */
    @Transactional
    public boolean changeStatus(long id, Status from, Status to, Instant at) {
        countChange(id);
        return jdbc.sql("UPDATE chat_message SET status = ?, changed_at = ?, change_seq = " + ROOM_CHANGE
                        + " WHERE id = ? AND status = ?")
                .params(to.name(), at, id, from.name()).update() == 1;
    }

    /** Publishes a held message with its number now (room locked by the caller). */
    public boolean approve(long id, long seq, Instant at) {
        return jdbc.sql("UPDATE chat_message SET status = 'SHOWN', seq = ?, changed_at = ? WHERE id = ? AND status = 'HELD'")
                .params(seq, at, id).update() == 1;
    }

    @Transactional
    public boolean replaceBody(long id, Status from, String body, Instant at) {
        countChange(id);
        return jdbc.sql("UPDATE chat_message SET body = ?, changed_at = ?, change_seq = " + ROOM_CHANGE
                        + " WHERE id = ? AND status = ?")
                .params(body, at, id, from.name()).update() == 1;
    }

    public List<Message> byAuthor(long authorId, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE author_id = ? ORDER BY id DESC LIMIT ?")
                .params(authorId, limit).query(ChatStore::message).list();
    }

    /** The few shown messages just before a message in its room (for moderators' context), oldest first. */
    public List<Message> context(long roomId, long beforeId, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND id < ? AND status = 'SHOWN'"
                + " ORDER BY id DESC LIMIT ?").params(roomId, beforeId, limit).query(ChatStore::message).list().reversed();
    }

    // ---- changes, for other nodes' catch-up (decision 084) ----

    /** The room's change counter as the message's stamp (the room row is locked by {@link #countChange} first). */
    private static final String ROOM_CHANGE = "(SELECT r.change_seq FROM chat_room r WHERE r.id = chat_message.room_id)";

    /**
     * Raises the message's room's change counter, locking the room row first (the order every send and approval
     * takes), so changes get their numbers one at a time and one committed with n means all below n are readable.
     * A conditional change that then finds nothing to change leaves a gap in the numbers, which is harmless.
     */
    private void countChange(long messageId) {
        jdbc.sql("SELECT room_id FROM chat_message WHERE id = ?").param(messageId).query(Long.class).optional()
                .ifPresent(room -> jdbc.sql("UPDATE chat_room SET change_seq = change_seq + 1 WHERE id = ?").param(room).update());
    }

    /** A room's latest message change and settings version. */
    public record RoomChanges(long messages, int settings) {
    }

    /** Every room's change marks. */
    public Map<Long, RoomChanges> roomChanges() {
        var out = new LinkedHashMap<Long, RoomChanges>();
        jdbc.sql("SELECT id, change_seq, version FROM chat_room ORDER BY id")
                .query((rs, n) -> Map.entry(rs.getLong("id"), new RoomChanges(rs.getLong("change_seq"), rs.getInt("version"))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** One room's change marks (empty when there is no such room). */
    public Optional<RoomChanges> roomChanges(long roomId) {
        return jdbc.sql("SELECT change_seq, version FROM chat_room WHERE id = ?").param(roomId)
                .query((rs, n) -> new RoomChanges(rs.getLong("change_seq"), rs.getInt("version"))).optional();
    }

    /** A message as it is now, with the number of its latest change. */
    public record Changed(long change, Message message) {
    }

    /** Numbered messages whose latest change is after {@code after} and at most {@code upTo}, in change order. */
    public List<Changed> changedAfter(long roomId, long after, long upTo, int limit) {
        return jdbc.sql("SELECT change_seq, " + MESSAGE_COLUMNS + " FROM chat_message WHERE room_id = ? AND change_seq > ?"
                        + " AND change_seq <= ? AND seq IS NOT NULL ORDER BY change_seq LIMIT ?")
                .params(roomId, after, upTo, limit)
                .query((rs, n) -> new Changed(rs.getLong("change_seq"), message(rs, n))).list();
    }
}
