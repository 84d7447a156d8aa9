package org.village.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.village.booking.BookingStatus;
import org.village.booking.Member;

/**
 * The SQL of bookings (decision 090). Every rule that must hold under concurrency is one statement here: the family
 * lock, the conditional place update, the conditional status changes. Callers run these inside one transaction.
 */
@Repository
public class BookingStore {

    /** Read by position ({@link #sessionRow}): add columns only at the end. */
    private static final String SESSION_COLUMNS = "s.id, s.type_id, s.worker_id, s.starts_at, s.ends_at, s.capacity,"
            + " s.places_taken, s.status, s.series_id, s.video_link, t.code, t.name, t.description, t.attendees,"
            + " t.place_kind, t.place_detail, t.confirm_required, t.min_notice_minutes, t.cancel_cutoff_minutes,"
            + " t.series_length";

    /** Read by position ({@link #bookingRow}): add columns only at the end. */
    private static final String BOOKING_COLUMNS = "b.id, b.session_id, b.family_id, b.status, b.places, b.note,"
            + " b.idempotency_key, b.booked_by, b.group_id, b.sequence, b.waiting_since, b.offer_expires_at,"
            + " b.reminder_sent_at, b.created_at";

    /** How many columns {@link #BOOKING_COLUMNS} names (plain column names, so one more than its commas). */
    private static final int BOOKING_COLUMN_COUNT = BOOKING_COLUMNS.split(",").length;

    private final JdbcClient jdbc;
    /** For the one statement packet of {@link #insertAndCommit} (several results); the same data source as {@link #jdbc}. */
    private final org.springframework.jdbc.core.JdbcTemplate packets;

    BookingStore(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.packets = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    // ---- sessions ----------------------------------------------------------------------------------------------

    public Optional<SessionRow> session(long id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                + " WHERE s.id = ?").param(id).query(BookingStore::sessionRow).optional();
    }

    /**
     * The session, and whether this family already has a live booking in it, in one read (decision 097): the first
     * look of every booking attempt.
     */
    public Optional<SessionLook> sessionAndFamily(long id, long familyId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + ", EXISTS (SELECT 1 FROM booking b WHERE b.active_session_id = s.id"
                        + " AND b.family_id = ?) AS family_in FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE s.id = ?").params(familyId, id)
                .query((rs, n) -> new SessionLook(sessionRow(rs, n), rs.getBoolean(21))).optional();
    }

    /** A session and whether the family asking is in it already. */
    public record SessionLook(SessionRow session, boolean familyIn) {
    }

    /** The sessions of a course, first first. */
    public List<SessionRow> series(long seriesId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                + " WHERE s.series_id = ? ORDER BY s.starts_at, s.id").param(seriesId).query(BookingStore::sessionRow).list();
    }

    /** Open sessions starting in [from, to), optionally of one type, by time. */
    public List<SessionRow> openSessions(Instant from, Instant to, String typeCode, int limit) {
        var sql = new StringBuilder("SELECT " + sessionsFirst(typeCode) + SESSION_COLUMNS + " FROM booking_session s"
                + " JOIN booking_type t ON t.id = s.type_id WHERE s.status = 'OPEN' AND s.starts_at >= ? AND s.starts_at < ?"
                + " AND t.active");
        var params = new ArrayList<Object>(List.of(ts(from), ts(to)));
        if (typeCode != null && !typeCode.isBlank()) {
            sql.append(" AND t.code = ?");
            params.add(typeCode);
        }
        sql.append(" ORDER BY s.starts_at, s.id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(BookingStore::sessionRow).list();
    }

    /**
     * Open sessions starting in [from, to) after the one at ({@code from}, {@code afterId}) in (starts_at, id) order,
     * optionally of one type: a keyset page on booking_session_when, or booking_session_type_when for one type.
     */
    public List<SessionRow> openSessionsAfter(Instant from, long afterId, Instant to, String typeCode, int limit) {
        var sql = new StringBuilder("SELECT " + sessionsFirst(typeCode) + SESSION_COLUMNS + " FROM booking_session s"
                + " JOIN booking_type t ON t.id = s.type_id WHERE s.status = 'OPEN' AND s.starts_at >= ? AND s.starts_at < ?"
                + " AND (s.starts_at > ? OR s.id > ?) AND t.active");
        var params = new ArrayList<Object>(List.of(ts(from), ts(to), ts(from), afterId));
        if (typeCode != null) {
            sql.append(" AND t.code = ?");
            params.add(typeCode);
        }
        sql.append(" ORDER BY s.starts_at, s.id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(BookingStore::sessionRow).list();
    }

    /**
     * For every type, the sessions are read first, in booking_session_when's order, so LIMIT stops the read early.
     * Left to itself the optimizer started from the five types and sorted every session of the range for each page
     * (16 ms a page with 200 workers instead of 1 ms). For one type, the type's row and booking_session_type_when.
     */
    private static String sessionsFirst(String typeCode) {
        return typeCode == null || typeCode.isBlank() ? "STRAIGHT_JOIN " : "";
    }

    public List<TypeRow> activeTypes() {
        return jdbc.sql("SELECT code, name FROM booking_type WHERE active ORDER BY sort_order, name")
                .query((rs, n) -> new TypeRow(rs.getString("code"), rs.getString("name"))).list();
    }

    /**
     * Takes places: the one statement that keeps a session from being overbooked. False when it is full, cancelled
     * or has started. Raises the session's version so an edit made from a stale copy of the session fails.
     */
    public boolean takePlaces(long sessionId, int places, Instant now) {
        return jdbc.sql("UPDATE booking_session SET places_taken = places_taken + ?, version = version + 1"
                        + " WHERE id = ? AND status = 'OPEN' AND places_taken + ? <= capacity AND starts_at > ?")
                .params(places, sessionId, places, ts(now)).update() == 1;
    }

    public void givePlacesBack(long sessionId, int places) {
        jdbc.sql("UPDATE booking_session SET places_taken = GREATEST(places_taken - ?, 0), version = version + 1"
                + " WHERE id = ?").params(places, sessionId).update();
    }

    /**
     * Passes a place on: the caller's booking has just stopped holding a place in this session and another booking of
     * it has just been offered one (decision 117), so the count stays as it is. The condition is the place update's
     * after giving the place back ({@link #givePlacesBack}, then {@link #takePlaces}): the session is open, has not
     * started, and holds the place given back. False (nothing changed) when it is cancelled or has started: the caller
     * then undoes the offer and gives the place back.
     */
    public boolean passPlaceOn(long sessionId, Instant now) {
        return jdbc.sql("UPDATE booking_session SET version = version + 1 WHERE id = ? AND status = 'OPEN'"
                        + " AND places_taken >= 1 AND places_taken <= capacity AND starts_at > ?")
                .params(sessionId, ts(now)).update() == 1;
    }

    /** Marks where {@link #rollbackToSavepoint} goes back to, in the caller's transaction. */
    public void savepoint() {
        jdbc.sql("SAVEPOINT booking_offer").update();
    }

    /** Undoes the caller's statements since {@link #savepoint} (row locks taken since stay until the end). */
    public void rollbackToSavepoint() {
        jdbc.sql("ROLLBACK TO SAVEPOINT booking_offer").update();
    }

    /** Changes the capacity unless it would fall below the places already taken (then false). */
    public boolean changeCapacity(long sessionId, int capacity) {
        return jdbc.sql("UPDATE booking_session SET capacity = ?, version = version + 1"
                        + " WHERE id = ? AND status = 'OPEN' AND places_taken <= ?")
                .params(capacity, sessionId, capacity).update() == 1;
    }

    public boolean cancelSession(long sessionId) {
        return jdbc.sql("UPDATE booking_session SET status = 'CANCELLED', places_taken = 0, version = version + 1"
                + " WHERE id = ? AND status = 'OPEN'").param(sessionId).update() == 1;
    }

    // ---- the family lock and settings --------------------------------------------------------------------------

    /**
     * Locks the family's row until the transaction ends (making it if needed). Every path that gives someone in this
     * family a place takes it first, so the overlap check that follows cannot race another booking of theirs.
     */
    /**
     * Makes the transaction about to start READ COMMITTED, and only it: MariaDB's {@code SET TRANSACTION} without
     * SESSION applies to the next transaction, so this must be the transaction's first statement (autocommit is already
     * off; nothing has been read). One statement, where setting the session's isolation through JDBC took two: one to
     * set it, one (from the pool or the transaction manager) to set it back afterwards (decision 101).
     */
    public void readCommittedNext() {
        jdbc.sql("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").update();
    }

    public void lockFamily(long familyId) {
        jdbc.sql("INSERT INTO booking_family (family_id) VALUES (?) ON DUPLICATE KEY UPDATE version = version + 1")
                .param(familyId).update();
    }

    public Optional<String> ownWording(long familyId) {
        return jdbc.sql("SELECT own_wording FROM booking_family WHERE family_id = ?").param(familyId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** The own wording of each of these families that set one, in one read. */
    public Map<Long, String> ownWordings(Collection<Long> familyIds) {
        var out = new java.util.HashMap<Long, String>();
        if (familyIds.isEmpty()) {
            return out;
        }
        String in = familyIds.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT family_id, own_wording FROM booking_family WHERE family_id IN (" + in + ")"
                        + " AND own_wording IS NOT NULL").params(new ArrayList<Object>(familyIds))
                .query((ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    public void saveOwnWording(long familyId, String wording) {
        jdbc.sql("INSERT INTO booking_family (family_id, own_wording) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE own_wording = VALUES(own_wording), version = version + 1")
                .params(familyId, wording).update();
    }

    // ---- bookings ----------------------------------------------------------------------------------------------

    public Optional<BookingRow> booking(long id) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.id = ?").param(id)
                .query(BookingStore::bookingRow).optional();
    }

    /** The booking and its session, in one read (decision 110). */
    public Optional<BookingAndSession> bookingAndSession(long id) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + ", " + SESSION_COLUMNS + " FROM booking b"
                        + " JOIN booking_session s ON s.id = b.session_id JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE b.id = ?").param(id)
                .query((rs, n) -> new BookingAndSession(bookingRow(rs, n), sessionRowAfter(rs, BOOKING_COLUMN_COUNT)))
                .optional();
    }

    /** A booking and its session. */
    public record BookingAndSession(BookingRow booking, SessionRow session) {
    }

    /** The booking, its row locked until the transaction ends: its status cannot change under the caller. */
    public Optional<BookingRow> lockBooking(long id) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.id = ? FOR UPDATE").param(id)
                .query(BookingStore::bookingRow).optional();
    }

    /**
     * The first family in line whose booking no one else is changing right now, locked (SKIP LOCKED: a family in
     * the middle of cancelling is passed over rather than waited for, which could deadlock).
     */
    public Optional<BookingRow> firstWaitingUnlocked(long sessionId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.session_id = ? AND b.status = 'WAITING'"
                        + " ORDER BY b.waiting_since, b.id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param(sessionId).query(BookingStore::bookingRow).optional();
    }

    public Optional<BookingRow> byIdempotencyKey(long familyId, String key) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.family_id = ? AND b.idempotency_key = ?")
                .params(familyId, key).query(BookingStore::bookingRow).optional();
    }

    public List<BookingRow> group(long groupId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.group_id = ? ORDER BY b.id")
                .param(groupId).query(BookingStore::bookingRow).list();
    }

    /** The family's live booking in any of these sessions, if one exists. */
    public Optional<BookingRow> activeIn(long familyId, Collection<Long> sessionIds) {
        String in = sessionIds.stream().map(x -> "?").collect(Collectors.joining(","));
        var params = new ArrayList<Object>(sessionIds);
        params.add(familyId);
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.active_session_id IN (" + in + ")"
                + " AND b.family_id = ? LIMIT 1").params(params).query(BookingStore::bookingRow).optional();
    }

    /**
     * The names of these people who already have a place in an open session overlapping [start, end), other than
     * {@code exceptSession}. Only reliable while the family is locked ({@link #lockFamily}).
     */
    public List<String> overlapping(long familyId, Collection<String> people, Instant start, Instant end,
                                    long exceptSession) {
        if (people.isEmpty()) {
            return List.of();
        }
        String in = people.stream().map(x -> "?").collect(Collectors.joining(","));
        var params = new ArrayList<Object>();
        params.add(familyId);
        params.addAll(people);
        params.add(ts(end));
        params.add(ts(start));
        params.add(exceptSession);
        return jdbc.sql("SELECT DISTINCT m.name FROM booking b JOIN booking_member m ON m.booking_id = b.id"
                        + " JOIN booking_session s ON s.id = b.session_id"
                        + " WHERE b.family_id = ? AND m.person IN (" + in + ")"
                        + " AND b.status IN ('BOOKED', 'REQUESTED', 'ATTENDED') AND s.status = 'OPEN'"
                        + " AND s.starts_at < ? AND s.ends_at > ? AND s.id <> ?")
                .params(params).query(String.class).list();
    }

    public long insert(NewBooking b) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking (session_id, family_id, status, places, note, idempotency_key, booked_by, group_id,"
                        + " waiting_since, reminder_sent_at, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(b.sessionId(), b.familyId(), b.status().name(), b.note(), b.idempotencyKey(), b.bookedBy(),
                        b.groupId(), b.status() == BookingStatus.WAITING ? ts(b.now()) : null,
                        b.reminderAlreadyDue() ? ts(b.now()) : null, ts(b.now()), ts(b.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (!b.members().isEmpty()) {
            // who comes, in one statement
            var params = new ArrayList<Object>();
            for (var m : b.members()) {
                params.addAll(List.of(id, m.key(), m.name()));
            }
            jdbc.sql("INSERT INTO booking_member (booking_id, person, name) VALUES "
                    + b.members().stream().map(m -> "(?, ?, ?)").collect(Collectors.joining(", ")))
                    .params(params).update();
        }
        return id;
    }

    /**
     * One booking of one session, who comes, its audit row and its telling's row, made and committed in one packet of
     * statements (decision 117; decision 115 sent the same rows in one packet and {@code COMMIT} after it): the
     * booking's {@code INSERT}, its id kept in a user variable, the members' {@code INSERT}, the audit row's, the
     * telling's row (when there is one), {@code COMMIT}, and the ids read back. The caller's place update (for a
     * booking that holds a place) locks the session's row exclusively, and the booking's foreign key (for a place in
     * the waiting line) a shared lock on it: the packet's own {@code COMMIT} releases it as soon as the server has run
     * the inserts, without a round trip more while this thread waits for a core.
     *
     * <p>The rules are the same statements in the same order as before: the caller's family lock, overlap check and
     * place update, then the unique keys of the booking's insert (a family once in a session; a retry key once). A
     * duplicate or a deadlock fails the packet at that statement, before {@code COMMIT}: nothing of it runs after, and
     * the caller's transaction rolls back as before. Only on a connection that allows several statements in one packet
     * (the read-committed pool's: {@code ReadCommittedTransactions}), as the last statements of a transaction of the
     * caller's own: nothing may be written in it after this. Every insert is {@code INSERT … VALUES} (an
     * {@code INSERT … SELECT} takes the table's AUTO-INC lock for the whole statement: MariaDB refused such packets now
     * and then under load, error 1467).
     *
     * @param auditSql    the audit row's statement ({@code AuditLog.insertFor}), whose target reads {@link #BOOKING_ID}
     * @param auditParams its parameters
     * @param telling     what the family is to be told after the commit (its booking ids are the new booking's), or
     *                    null for no telling row
     * @return the booking's id and the telling row's (0 when none)
     */
    public Placed insertAndCommit(NewBooking b, String auditSql, List<Object> auditParams, Telling telling,
                                  Instant firstJobTry) {
        var sql = new StringBuilder("INSERT INTO booking (session_id, family_id, status, places, note, idempotency_key,"
                + " booked_by, group_id, waiting_since, reminder_sent_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?); SET " + BOOKING_ID + " = LAST_INSERT_ID();");
        var params = new ArrayList<Object>(Arrays.asList(b.sessionId(), b.familyId(), b.status().name(), b.note(),
                b.idempotencyKey(), b.bookedBy(), b.groupId(), b.status() == BookingStatus.WAITING ? ts(b.now()) : null,
                b.reminderAlreadyDue() ? ts(b.now()) : null, ts(b.now()), ts(b.now())));
        if (!b.members().isEmpty()) {
            sql.append(" INSERT INTO booking_member (booking_id, person, name) VALUES ").append(b.members().stream()
                    .map(m -> "(" + BOOKING_ID + ", ?, ?)").collect(Collectors.joining(", "))).append(';');
            for (var m : b.members()) {
                params.add(m.key());
                params.add(m.name());
            }
        }
        sql.append(' ').append(auditSql).append(';');
        params.addAll(auditParams);
        if (telling != null) {
            sql.append(" INSERT INTO booking_telling (family_id, booking_ids, sequences, cancelled, mail_key, notice_key,"
                    + " notice_link, created_at, next_try_at) VALUES (?, CAST(" + BOOKING_ID + " AS CHAR), '0', ?, ?, ?,"
                    + " ?, ?, ?); SET " + TELLING_ID + " = LAST_INSERT_ID();");
            params.addAll(Arrays.asList(telling.familyId(), telling.cancelled(), telling.mailKey(), telling.noticeKey(),
                    telling.noticeLink(), ts(b.now()), ts(firstJobTry)));
        }
        // the answer is read after the COMMIT: an error in any statement before it (a duplicate, a deadlock, the
        // commit itself) is thrown from execute, and the ids come back only for a committed booking
        sql.append(" COMMIT; SELECT " + BOOKING_ID + ", " + (telling != null ? TELLING_ID : "0"));
        Placed placed = packets.execute(sql.toString(), (java.sql.PreparedStatement ps) -> {
            new org.springframework.jdbc.core.ArgumentPreparedStatementSetter(params.toArray()).setValues(ps);
            boolean results = ps.execute();
            while (true) {
                if (results) {
                    try (var rs = ps.getResultSet()) {
                        return rs.next() ? new Placed(rs.getLong(1), rs.getLong(2)) : null;
                    }
                }
                if (ps.getUpdateCount() == -1) {
                    return null;
                }
                results = ps.getMoreResults();
            }
        });
        if (placed == null || placed.bookingId() == 0) {
            throw new IllegalStateException("the booking's id did not come back");
        }
        return placed;
    }

    /** What {@link #insertAndCommit} made: the booking's id, and its telling row's (0 when none was written). */
    public record Placed(long bookingId, long tellingId) {
    }

    /** Inside {@link #insertAndCommit}'s packet: the telling row's id, or 0. */
    private static final String TELLING_ID = "@village_telling_id";

    /** The user variable that holds a new booking's id inside {@link #insertAndCommit}'s packet. */
    public static final String BOOKING_ID = "@village_booking_id";

    public void setGroup(long bookingId, long groupId) {
        jdbc.sql("UPDATE booking SET group_id = ? WHERE id = ?").params(groupId, bookingId).update();
    }

    /**
     * Moves a booking from one of {@code from} to {@code to}; false when it was no longer in any of them (someone
     * else got there first). Raises SEQUENCE so the family's calendar takes the change.
     */
    public boolean move(long id, Set<BookingStatus> from, BookingStatus to, Instant now) {
        String in = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("UPDATE booking SET status = ?, offer_expires_at = NULL, sequence = sequence + 1,"
                        + " version = version + 1, updated_at = ? WHERE id = ? AND status IN (" + in + ")")
                .params(to.name(), ts(now), id).update() == 1;
    }

    /** A WAITING booking becomes an offer until {@code expires}; false when it was no longer waiting. */
    public boolean offer(long id, Instant expires, Instant now) {
        return jdbc.sql("UPDATE booking SET status = 'OFFERED', offer_expires_at = ?, version = version + 1,"
                        + " updated_at = ? WHERE id = ? AND status = 'WAITING'")
                .params(ts(expires), ts(now), id).update() == 1;
    }

    /** Accepts an offer that has not run out: to BOOKED or REQUESTED. False when it ran out or was taken back. */
    public boolean accept(long id, BookingStatus to, Instant now) {
        return jdbc.sql("UPDATE booking SET status = ?, offer_expires_at = NULL, sequence = sequence + 1,"
                        + " version = version + 1, updated_at = ?, reminder_sent_at = NULL"
                        + " WHERE id = ? AND status = 'OFFERED' AND offer_expires_at > ?")
                .params(to.name(), ts(now), id, ts(now)).update() == 1;
    }

    /** An offer whose time ran out ends; false when it was accepted, declined or already ended. */
    public boolean expire(long id, Instant now) {
        return jdbc.sql("UPDATE booking SET status = 'EXPIRED', version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND status = 'OFFERED' AND offer_expires_at <= ?")
                .params(ts(now), id, ts(now)).update() == 1;
    }

    public List<Long> expiredOffers(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM booking WHERE status = 'OFFERED' AND offer_expires_at <= ? ORDER BY"
                + " offer_expires_at, id LIMIT ?").params(ts(now), limit).query(Long.class).list();
    }

    /** The first families in line for this session, in order. */
    public List<BookingRow> waiting(long sessionId, int limit) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.session_id = ? AND b.status = 'WAITING'"
                + " ORDER BY b.waiting_since, b.id LIMIT ?").params(sessionId, limit).query(BookingStore::bookingRow).list();
    }

    public int waitingPosition(BookingRow b) {
        return jdbc.sql("SELECT COUNT(*) FROM booking w WHERE w.session_id = ? AND w.status = 'WAITING'"
                        + " AND (w.waiting_since < ? OR (w.waiting_since = ? AND w.id <= ?))")
                .params(b.sessionId(), ts(b.waitingSince()), ts(b.waitingSince()), b.id()).query(Integer.class).single();
    }

    public boolean hasWaiting(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM booking WHERE session_id = ? AND status = 'WAITING'").param(sessionId)
                .query(Integer.class).single() > 0;
    }

    public List<BookingRow> ofFamily(long familyId, int limit) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.family_id = ? ORDER BY b.id DESC LIMIT ?")
                .params(familyId, limit).query(BookingStore::bookingRow).list();
    }

    public List<BookingRow> ofSession(long sessionId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.session_id = ? ORDER BY b.id")
                .param(sessionId).query(BookingStore::bookingRow).list();
    }

    public Map<Long, List<Member>> members(Collection<Long> bookingIds) {
        var out = new LinkedHashMap<Long, List<Member>>();
        if (bookingIds.isEmpty()) {
            return out;
        }
        String in = bookingIds.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT booking_id, person, name FROM booking_member WHERE booking_id IN (" + in + ") ORDER BY"
                        + " booking_id, person").params(new ArrayList<Object>(bookingIds))
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(rs.getString(2), rs.getString(3)));
                });
        return out;
    }

    // ---- tellings: the family is told after the commit (decision 105) -----------------------------------------

    /**
     * Writes what the family is to be told, in the caller's transaction (so it exists exactly when the change
     * committed); the job may take it from {@code firstJobTry} on if the after-commit telling has not.
     */
    public long queueTelling(Telling t, Instant now, Instant firstJobTry) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_telling (family_id, booking_ids, sequences, cancelled, mail_key, notice_key,"
                        + " notice_link, created_at, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.familyId(), joined(t.bookingIds()), joined(t.sequences()), t.cancelled(), t.mailKey(),
                        t.noticeKey(), t.noticeLink(), ts(now), ts(firstJobTry))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Takes the telling: deletes its row in the caller's transaction, which then tells the family. False when it is
     * gone (told already, by the after-commit thread or the job): whoever deletes it tells, once. A second taker waits
     * on the row lock until the first commits (then finds nothing) or rolls back (then takes it).
     */
    public boolean takeTelling(long id) {
        return jdbc.sql("DELETE FROM booking_telling WHERE id = ?").param(id).update() == 1;
    }

    /** Tellings the job may take now (the after-commit telling has not, or it failed), oldest first. */
    public List<QueuedTelling> tellingsDue(Instant now, int limit) {
        return jdbc.sql("SELECT id, family_id, booking_ids, sequences, cancelled, mail_key, notice_key, notice_link,"
                        + " attempts FROM booking_telling WHERE next_try_at <= ? ORDER BY next_try_at, id LIMIT ?")
                .params(ts(now), limit)
                .query((rs, n) -> new QueuedTelling(rs.getLong("id"), new Telling(rs.getLong("family_id"),
                        longs(rs.getString("booking_ids")), ints(rs.getString("sequences")), rs.getBoolean("cancelled"),
                        rs.getString("mail_key"), rs.getString("notice_key"), rs.getString("notice_link")),
                        rs.getInt("attempts"))).list();
    }

    /** A telling that failed waits until {@code nextTry} (its own statement: the telling's transaction rolled back). */
    public void tellingFailed(long id, Instant nextTry) {
        jdbc.sql("UPDATE booking_telling SET attempts = attempts + 1, next_try_at = ? WHERE id = ?")
                .params(ts(nextTry), id).update();
    }

    /** What a family is to be told about a booking change. */
    public record Telling(long familyId, List<Long> bookingIds, List<Integer> sequences, boolean cancelled,
                          String mailKey, String noticeKey, String noticeLink) {
    }

    /** A telling waiting in its row. */
    public record QueuedTelling(long id, Telling telling, int attempts) {
    }

    private static String joined(List<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> longs(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }

    private static List<Integer> ints(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(Integer::valueOf).toList();
    }

    // ---- reminders ---------------------------------------------------------------------------------------------

    /** Booked places in open sessions starting in (now, until] whose reminder has not gone yet. */
    public List<Long> remindersDue(Instant now, Instant until, int limit) {
        return jdbc.sql("SELECT b.id FROM booking_session s JOIN booking b ON b.session_id = s.id AND b.status = 'BOOKED'"
                        + " WHERE s.status = 'OPEN' AND s.starts_at > ? AND s.starts_at <= ? AND b.reminder_sent_at IS NULL"
                        + " ORDER BY b.id LIMIT ?")
                .params(ts(now), ts(until), limit).query(Long.class).list();
    }

    /** Of these bookings, those still due a reminder, locked until the transaction ends; rows locked elsewhere are skipped. */
    public List<Long> lockDueReminders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        return jdbc.sql("SELECT id FROM booking WHERE id IN (" + in + ") AND reminder_sent_at IS NULL AND status = 'BOOKED'"
                + " ORDER BY id FOR UPDATE SKIP LOCKED").params(new ArrayList<Object>(ids)).query(Long.class).list();
    }

    /** Marks the reminders of these bookings (locked by {@link #lockDueReminders}) sent, in one statement. */
    public void markReminded(Collection<Long> ids, Instant now) {
        var params = new ArrayList<Object>();
        params.add(ts(now));
        params.addAll(ids);
        jdbc.sql("UPDATE booking SET reminder_sent_at = ? WHERE id IN (" + ids.stream().map(x -> "?")
                .collect(Collectors.joining(",")) + ")").params(params).update();
    }

    /** These bookings, in id order, in one read. */
    public List<BookingRow> bookings(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM booking b WHERE b.id IN (" + ids.stream().map(x -> "?")
                .collect(Collectors.joining(",")) + ") ORDER BY b.id").params(new ArrayList<Object>(ids))
                .query(BookingStore::bookingRow).list();
    }

    /** Marks the reminder sent; false when another node (or an earlier run) already did. */
    public boolean markReminded(long id, Instant now) {
        return jdbc.sql("UPDATE booking SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL"
                + " AND status = 'BOOKED'").params(ts(now), id).update() == 1;
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    /**
     * An instant as the UTC wall-clock time the DATETIME columns hold (the connection's zone is UTC). Bound as a
     * {@link LocalDateTime}, which the driver writes with a shared formatter; a {@code Timestamp} made it build a
     * {@code SimpleDateFormat} for every value bound (decision 105).
     */
    private static LocalDateTime ts(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** A type's attendees ("PARENTS,SIBLINGS"), parsed once per distinct text: a handful of types, read for every session. */
    private static Set<String> attendees(String text) {
        var known = ATTENDEES.get(text);
        if (known != null) {
            return known;
        }
        var parsed = Arrays.stream(text.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (ATTENDEES.size() < 1_000) {
            ATTENDEES.put(text, parsed);
        }
        return parsed;
    }

    private static final Map<String, Set<String>> ATTENDEES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A row of {@link #SESSION_COLUMNS}, which every session query selects first, read by position (decision 105: by
     * name, the driver built a map of the result's column names for each result).
     */
    private static SessionRow sessionRow(ResultSet rs, int n) throws SQLException {
        return sessionRowAfter(rs, 0);
    }

    /** {@link #sessionRow} from the columns after the first {@code before} (a read that selects others first). */
    private static SessionRow sessionRowAfter(ResultSet rs, int before) throws SQLException {
        int o = before;
        long series = rs.getLong(o + 9);
        Long seriesId = rs.wasNull() ? null : series;
        return new SessionRow(rs.getLong(o + 1), rs.getLong(o + 2), rs.getLong(o + 3), instant(rs, o + 4),
                instant(rs, o + 5), rs.getInt(o + 6), rs.getInt(o + 7), rs.getString(o + 8), seriesId,
                rs.getString(o + 10), rs.getString(o + 11), rs.getString(o + 12), rs.getString(o + 13),
                attendees(rs.getString(o + 14)), rs.getString(o + 15), rs.getString(o + 16), rs.getBoolean(o + 17),
                rs.getInt(o + 18), rs.getInt(o + 19), rs.getInt(o + 20));
    }

    /** A row of {@link #BOOKING_COLUMNS}, which every booking query selects first, read by position. */
    private static BookingRow bookingRow(ResultSet rs, int n) throws SQLException {
        long by = rs.getLong(8);
        Long bookedBy = rs.wasNull() ? null : by;
        long g = rs.getLong(9);
        Long groupId = rs.wasNull() ? null : g;
        return new BookingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), BookingStatus.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getString(6), rs.getString(7), bookedBy, groupId, rs.getInt(10), instant(rs, 11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14));
    }

    public record SessionRow(long id, long typeId, long workerId, Instant startsAt, Instant endsAt, int capacity,
                             int placesTaken, String status, Long seriesId, String videoLink, String typeCode,
                             String typeName, String description, Set<String> attendees, String placeKind,
                             String placeDetail, boolean confirmRequired, int minNoticeMinutes, int cancelCutoffMinutes,
                             int seriesLength) {
        public boolean open() {
            return "OPEN".equals(status);
        }

        public int placesLeft() {
            return Math.max(0, capacity - placesTaken);
        }
    }

    public record BookingRow(long id, long sessionId, long familyId, BookingStatus status, int places, String note,
                             String idempotencyKey, Long bookedBy, Long groupId, int sequence, Instant waitingSince,
                             Instant offerExpiresAt, Instant reminderSentAt, Instant createdAt) {
    }

    public record NewBooking(long sessionId, long familyId, BookingStatus status, String note, String idempotencyKey,
                             Long bookedBy, Long groupId, List<Member> members, boolean reminderAlreadyDue, Instant now) {
    }

    public record TypeRow(String code, String name) {
    }
}
