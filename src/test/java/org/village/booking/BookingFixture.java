package org.village.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.village.TestAccounts;

/**
 * Test-only data for booking: session types, sessions, and families with a parent account and children, each with
 * unique names. Straight SQL, because the screens for types and availability are another helper's (B2).
 */
final class BookingFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcClient jdbc;

    BookingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SEQ.incrementAndGet();
    }

    record Type(long id, String code) {
    }

    record Fam(long id, long parentId, String username, List<Long> children) {
        String parentKey() {
            return Member.accountKey(parentId);
        }

        String childKey(int i) {
            return Member.childKey(children.get(i));
        }
    }

    Type type(int capacity, boolean confirm, int minNoticeMinutes, int cutoffMinutes, int seriesLength,
              String attendees, String placeKind) {
        String code = unique("t");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_type (code, name, description, duration_minutes, capacity, attendees, place_kind,"
                        + " place_detail, confirm_required, min_notice_minutes, cancel_cutoff_minutes, series_length, created_at)"
                        + " VALUES (?, ?, 'We talk together as a family.', 60, ?, ?, ?, '1 High Street', ?, ?, ?, ?, NOW(6))")
                .params(code, "Type " + code, capacity, attendees, placeKind, confirm, minNoticeMinutes, cutoffMinutes,
                        seriesLength)
                .update(keys, "id");
        return new Type(keys.getKey().longValue(), code);
    }

    Type groupType(int capacity) {
        return type(capacity, false, 0, 0, 1, "PARENTS,SIBLINGS,YOUNG_PERSON", "ADDRESS");
    }

    long workerId(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
    }

    long session(Type type, long workerId, Instant start, Duration length, int capacity) {
        return session(type, workerId, start, length, capacity, null);
    }

    long session(Type type, long workerId, Instant start, Duration length, int capacity, Long seriesId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_session (type_id, worker_id, starts_at, ends_at, capacity, series_id, video_link,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'https://video.example/room', NOW(6))")
                .params(type.id(), workerId, Timestamp.from(start), Timestamp.from(start.plus(length)), capacity, seriesId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A course of {@code n} weekly sessions sharing the first one's id as their series id. */
    List<Long> series(Type type, long workerId, Instant first, int n, int capacity) {
        var ids = new ArrayList<Long>();
        long head = session(type, workerId, first, Duration.ofHours(1), capacity);
        jdbc.sql("UPDATE booking_session SET series_id = ? WHERE id = ?").params(head, head).update();
        ids.add(head);
        for (int i = 1; i < n; i++) {
            ids.add(session(type, workerId, first.plus(Duration.ofDays(7L * i)), Duration.ofHours(1), capacity, head));
        }
        return ids;
    }

    /** A new family with one parent account (a copy of parent.a's password) and the named children. */
    Fam family(String... children) {
        String label = unique("fam");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO family (label, created_at) VALUES (?, NOW(6))").param(label).update(keys, "id");
        long familyId = keys.getKey().longValue();
        var childIds = new ArrayList<Long>();
        for (String c : children) {
            var ck = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO child (family_id, name, age_band) VALUES (?, ?, '8 to 10')").params(familyId, c)
                    .update(ck, "id");
            childIds.add(ck.getKey().longValue());
        }
        String username = unique("p");
        long parent = TestAccounts.copy(jdbc, "parent.a", username, "Parent " + username.substring(2, 8), "PARENT");
        jdbc.sql("UPDATE user_account SET family_id = ? WHERE id = ?").params(familyId, parent).update();
        return new Fam(familyId, parent, username, childIds);
    }

    void assign(long familyId, long workerId) {
        jdbc.sql("INSERT IGNORE INTO family_worker (family_id, worker_id) VALUES (?, ?)").params(familyId, workerId).update();
    }

    int placesTaken(long sessionId) {
        return jdbc.sql("SELECT places_taken FROM booking_session WHERE id = ?").param(sessionId).query(Integer.class).single();
    }

    String status(long bookingId) {
        return jdbc.sql("SELECT status FROM booking WHERE id = ?").param(bookingId).query(String.class).single();
    }
}
