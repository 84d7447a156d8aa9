package org.village.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.HiddenMarks;
import org.village.shared.InputProblem;

/**
 * The kinds of session families can book (family counselling, the sibling group, the parenting course, one-to-one
 * parent support, family therapy), each described in plain words a parent understands. Everyone may read them
 * (parents browse by type); only people who run sessions change them. The five kinds come with the schema (V28,
 * decision 094): every installation needs them.
 */
@Service
@Transactional(readOnly = true)
public class SessionTypes {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PLACE = 400;
    /** A year, in minutes: the longest notice or cut-off that makes sense. */
    public static final int MAX_NOTICE_MINUTES = 366 * 24 * 60;
    public static final int MAX_CAPACITY = 50;
    public static final int MAX_SERIES = 26;

    /** Who may come to a session. */
    public enum Attendee { PARENTS, SIBLINGS, YOUNG_PERSON }

    /** Where it happens: an address, a video call (link sent only to those booked) or a phone call. */
    public enum PlaceKind { ADDRESS, VIDEO, PHONE }

    public record SessionType(long id, String code, String name, String description, int durationMinutes, int capacity,
                              Set<Attendee> attendees, PlaceKind placeKind, String placeDetail, boolean confirmRequired,
                              int minNoticeMinutes, int cancelCutoffMinutes, int seriesLength, boolean active, int sortOrder) {
        public SessionType {
            attendees = attendees.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attendees));
        }

        /** A course: N weekly sessions booked as one. */
        public boolean isSeries() {
            return seriesLength > 1;
        }
    }

    /** What a worker changes on the session types page. */
    public record TypeEdit(long id, String name, String description, int durationMinutes, int capacity,
                           Set<Attendee> attendees, PlaceKind placeKind, String placeDetail, boolean confirmRequired,
                           int minNoticeMinutes, int cancelCutoffMinutes, int seriesLength, boolean active) {
        public static TypeEdit of(SessionType t) {
            return new TypeEdit(t.id(), t.name(), t.description(), t.durationMinutes(), t.capacity(), t.attendees(),
                    t.placeKind(), t.placeDetail(), t.confirmRequired(), t.minNoticeMinutes(), t.cancelCutoffMinutes(),
                    t.seriesLength(), t.active());
        }
    }

    private static final String COLUMNS = "id, code, name, description, duration_minutes, capacity, attendees, place_kind,"
            + " place_detail, confirm_required, min_notice_minutes, cancel_cutoff_minutes, series_length, active, sort_order";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    SessionTypes(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every type, in the order workers set (switched-off ones too: workers see them; parents use {@link #offered()}). */
    public List<SessionType> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_type ORDER BY sort_order, id").query(SessionTypes::map).list();
    }

    /** The types families can book now. */
    public List<SessionType> offered() {
        return all().stream().filter(SessionType::active).toList();
    }

    public Optional<SessionType> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_type WHERE id = ?").param(id).query(SessionTypes::map).optional();
    }

    public Optional<SessionType> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_type WHERE code = ?").param(code).query(SessionTypes::map).optional();
    }

    /** Changes a type's words and settings. Sessions already offered keep their own times and places. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional
    public void save(TypeEdit e) {
        String name = clean(e.name());
        String description = clean(e.description());
        String place = clean(e.placeDetail());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw InputProblem.keyed("name", "sessiontypes.problem.name", MAX_NAME);
        }
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw InputProblem.keyed("description", "sessiontypes.problem.description", MAX_DESCRIPTION);
        }
        if (e.durationMinutes() < 5 || e.durationMinutes() > 12 * 60) {
            throw InputProblem.keyed("duration", "sessiontypes.problem.duration");
        }
        if (e.capacity() < 1 || e.capacity() > MAX_CAPACITY) {
            throw InputProblem.keyed("capacity", "sessiontypes.problem.capacity", MAX_CAPACITY);
        }
        if (e.attendees() == null || e.attendees().isEmpty()) {
            throw InputProblem.keyed("attendees", "sessiontypes.problem.attendees");
        }
        if (e.placeKind() == null) {
            throw InputProblem.keyed("place", "sessiontypes.problem.placeKind");
        }
        if (place.length() > MAX_PLACE || e.placeKind() == PlaceKind.ADDRESS && place.isEmpty()) {
            throw InputProblem.keyed("placeDetail", "sessiontypes.problem.placeDetail", MAX_PLACE);
        }
        if (e.minNoticeMinutes() < 0 || e.minNoticeMinutes() > MAX_NOTICE_MINUTES) {
            throw InputProblem.keyed("notice", "sessiontypes.problem.notice");
        }
        if (e.cancelCutoffMinutes() < 0 || e.cancelCutoffMinutes() > MAX_NOTICE_MINUTES) {
            throw InputProblem.keyed("cutoff", "sessiontypes.problem.cutoff");
        }
        if (e.seriesLength() < 1 || e.seriesLength() > MAX_SERIES) {
            throw InputProblem.keyed("series", "sessiontypes.problem.series", MAX_SERIES);
        }
        int changed = jdbc.sql("""
                        UPDATE booking_type SET name = ?, description = ?, duration_minutes = ?, capacity = ?, attendees = ?,
                        place_kind = ?, place_detail = ?, confirm_required = ?, min_notice_minutes = ?, cancel_cutoff_minutes = ?,
                        series_length = ?, active = ? WHERE id = ?""")
                .params(name, description, e.durationMinutes(), e.capacity(),
                        e.attendees().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        e.placeKind().name(), place, e.confirmRequired(), e.minNoticeMinutes(), e.cancelCutoffMinutes(),
                        e.seriesLength(), e.active(), e.id())
                .update();
        if (changed == 0) {
            throw InputProblem.keyed(null, "sessiontypes.problem.gone");
        }
        audit.record(currentUser.actor(), "booking.type.saved", "booking_type:" + e.id(), "");
    }

    /** Adds a new kind of session (starting from sensible settings the worker then changes). */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional
    public long add(TypeEdit e) {
        String code = "type-" + java.util.UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO booking_type (code, name, description, duration_minutes, capacity, attendees, place_kind,
                place_detail, active, sort_order, created_at) VALUES (?, ?, ?, 60, 1, 'PARENTS', 'PHONE', '', FALSE, 1000, ?)""")
                .params(code, "-", "-", Timestamp.from(clock.instant())).update();
        long id = jdbc.sql("SELECT id FROM booking_type WHERE code = ?").param(code).query(Long.class).single();
        save(new TypeEdit(id, e.name(), e.description(), e.durationMinutes(), e.capacity(), e.attendees(), e.placeKind(),
                e.placeDetail(), e.confirmRequired(), e.minNoticeMinutes(), e.cancelCutoffMinutes(), e.seriesLength(), e.active()));
        return id;
    }

    /** Strips the ends, and the hidden marks ({@link HiddenMarks}) that would hide or reorder what people read. */
    static String clean(String text) {
        return HiddenMarks.clean(text);
    }

    private static SessionType map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var attendees = EnumSet.noneOf(Attendee.class);
        Arrays.stream(rs.getString("attendees").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> attendees.add(Attendee.valueOf(s.strip())));
        return new SessionType(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getInt("duration_minutes"), rs.getInt("capacity"), attendees, PlaceKind.valueOf(rs.getString("place_kind")),
                rs.getString("place_detail"), rs.getBoolean("confirm_required"), rs.getInt("min_notice_minutes"),
                rs.getInt("cancel_cutoff_minutes"), rs.getInt("series_length"), rs.getBoolean("active"), rs.getInt("sort_order"));
    }
}
