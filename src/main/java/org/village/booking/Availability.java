package org.village.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.village.booking.SessionTypes.SessionType;
import org.village.helpnow.OpeningHours;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * When workers offer sessions: one-off slots and weekly availability with exceptions (decision 093). A worker's
 * sessions never overlap: every path that adds a session first locks the worker's row in {@code booking_worker}
 * (SELECT ... FOR UPDATE), then looks for a clash and inserts, all in one transaction, so two requests for the same
 * worker are taken one after the other by the database. Those transactions read committed data (READ COMMITTED): under
 * InnoDB's default REPEATABLE READ the clash check would read the snapshot from before the lock was granted and miss
 * a session the other request has just committed. Weekly rules make sessions up to {@link #HORIZON_WEEKS}
 * weeks ahead; a daily job ({@code AvailabilityTopUp}) keeps that horizon filled as days pass.
 *
 * <p>Everything here is for the signed-in worker's own sessions; it needs {@link Capability#RUN_SESSIONS}.
 */
@Service
@Transactional(readOnly = true)
public class Availability {

    public static final int HORIZON_WEEKS = 8;
    /** The furthest ahead a one-off slot or a rule's first day may be. */
    public static final int MAX_DAYS_AHEAD = 366;
    public static final int MAX_NOTE = 4000;
    public static final int MAX_LINK = 400;

    /** A worker's session as the calendar shows it. */
    public record Slot(long id, long typeId, String typeName, long workerId, Instant startsAt, Instant endsAt, int capacity,
                       int placesTaken, String status, Long seriesId, Long ruleId, String videoLink) {
        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        public int placesLeft() {
            return Math.max(0, capacity - placesTaken);
        }
    }

    /** A weekly rule as the worker sees it. */
    public record Rule(long id, long typeId, String typeName, Set<DayOfWeek> days, LocalTime startsLocal, LocalDate firstDay,
                       LocalDate lastDay, LocalDate generatedUntil, boolean active, List<OpeningHours.Dated> exceptions) {
    }

    /** A private note (parents never see these). */
    public record Note(long id, long sessionId, String body, Instant createdAt) {
    }

    /** What adding weekly availability did: the rule, how many sessions it made, and the days the clocks skipped. */
    public record RuleResult(long ruleId, int sessionsMade, List<LocalDate> skippedForClockChange) {
    }

    private static final String SLOT_COLUMNS = "s.id, s.type_id, t.name AS type_name, s.worker_id, s.starts_at, s.ends_at,"
            + " s.capacity, s.places_taken, s.status, s.series_id, s.rule_id, s.video_link";

    private final JdbcClient jdbc;
    private final SessionTypes types;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Availability(JdbcClient jdbc, SessionTypes types, CurrentUser currentUser, AuditLog audit, Clock clock,
                 TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.types = types;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- one-off slots

    /**
     * Offers one session of this type at a wall-clock date and time (Europe/London) for the signed-in worker; for a
     * course, its N weekly sessions, booked as one. Refused kindly for a time in the past, in the missing spring hour,
     * too far ahead, or clashing with another of the worker's sessions (the message names it).
     *
     * @return the ids of the sessions made (one, or a course's N)
     */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Long> addSlot(long typeId, LocalDate day, LocalTime start, String videoLink) {
        long worker = currentUser.require().id();
        SessionType type = activeType(typeId);
        if (day == null) {
            throw InputProblem.keyed("day", "availability.problem.day");
        }
        if (start == null) {
            throw InputProblem.keyed("start", "availability.problem.start");
        }
        String link = link(videoLink, type);
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw InputProblem.keyed("day", "availability.problem.tooFar");
        }
        var starts = new ArrayList<Instant>();
        for (int week = 0; week < type.seriesLength(); week++) {
            starts.add(Recurrence.start(day.plusWeeks(week), start, "start"));
        }
        if (!starts.getFirst().isAfter(clock.instant())) {
            throw InputProblem.keyed("day", "availability.problem.past");
        }
        lockWorker(worker);
        Duration length = Duration.ofMinutes(type.durationMinutes());
        var ids = new ArrayList<Long>();
        Long series = null;
        for (Instant at : starts) {
            refuseClash(worker, at, at.plus(length), "start");
            long id = insert(type, worker, at, at.plus(length), series, null, link);
            if (type.isSeries() && series == null) {
                series = id;
                jdbc.sql("UPDATE booking_session SET series_id = ? WHERE id = ?").params(id, id).update();
            }
            ids.add(id);
        }
        audit.record(currentUser.actor(), "booking.slot.added", "booking_session:" + ids.getFirst(), type.code());
        return List.copyOf(ids);
    }

    // ---------------------------------------------------------------- weekly availability

    /**
     * Offers this type every week on these days at this wall-clock start, from {@code firstDay} (to {@code lastDay}
     * when given), making the sessions up to {@link #HORIZON_WEEKS} weeks ahead. Refused whole when any of them
     * clashes with another of the worker's sessions; a day whose start the spring change skips is left out and named
     * in the result.
     */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RuleResult addWeekly(long typeId, Set<DayOfWeek> days, LocalTime start, LocalDate firstDay, LocalDate lastDay,
                                String videoLink) {
        long worker = currentUser.require().id();
        SessionType type = activeType(typeId);
        if (type.isSeries()) {
            throw InputProblem.keyed("type", "availability.problem.courseWeekly");
        }
        if (days == null || days.isEmpty()) {
            throw InputProblem.keyed("days", "availability.problem.days");
        }
        if (start == null) {
            throw InputProblem.keyed("start", "availability.problem.start");
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        if (firstDay == null || firstDay.isBefore(today)) {
            throw InputProblem.keyed("firstDay", "availability.problem.firstDay");
        }
        if (firstDay.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw InputProblem.keyed("firstDay", "availability.problem.tooFar");
        }
        if (lastDay != null && lastDay.isBefore(firstDay)) {
            throw InputProblem.keyed("lastDay", "availability.problem.lastDay");
        }
        String link = link(videoLink, type);
        lockWorker(worker);
        GeneratedKeyHolder keys;
        jdbc.sql("""
                        INSERT INTO booking_rule (worker_id, type_id, days, starts_local, first_day, last_day, video_link, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(worker, type.id(), days(days), java.sql.Time.valueOf(start), java.sql.Date.valueOf(firstDay),
                        lastDay == null ? null : java.sql.Date.valueOf(lastDay), link, Timestamp.from(clock.instant()))
                .update(keys = new GeneratedKeyHolder());
        long ruleId = keys.getKey().longValue();
        var made = generate(rule(ruleId).orElseThrow(), type, today, true);
        audit.record(currentUser.actor(), "booking.rule.added", "booking_rule:" + ruleId, type.code() + " " + made.sessionsMade());
        return new RuleResult(ruleId, made.sessionsMade(), made.skippedForClockChange());
    }

    /**
     * No session from this rule on this date (a holiday, a cancelled week): its session that day is withdrawn. Refused
     * when families are booked into it: cancel it from the calendar first, so they are told.
     */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void addException(long ruleId, LocalDate day, String note) {
        long worker = currentUser.require().id();
        Rule rule = rule(ruleId).filter(r -> ownerOf(ruleId) == worker)
                .orElseThrow(() -> InputProblem.keyed(null, "availability.problem.ruleGone"));
        if (day == null) {
            throw InputProblem.keyed("exceptionDay", "availability.problem.day");
        }
        String why = SessionTypes.clean(note);
        if (why.length() > 200) {
            throw InputProblem.keyed("exceptionNote", "availability.problem.exceptionNote", 200);
        }
        lockWorker(worker);
        if (rule.exceptions().stream().anyMatch(d -> d.date().equals(day))) {
            return; // already off that day: a double click or a resent form changes nothing
        }
        var sessions = sessionsOfRuleOn(ruleId, day);
        if (sessions.stream().anyMatch(s -> s.placesTaken() > 0)) {
            throw InputProblem.keyed("exceptionDay", "availability.problem.exceptionBooked", Times.dateTime(sessions.getFirst().startsAt()));
        }
        jdbc.sql("INSERT INTO booking_rule_exception (rule_id, on_day, note, created_at) VALUES (?, ?, ?, ?)")
                .params(ruleId, java.sql.Date.valueOf(day), why, Timestamp.from(clock.instant())).update();
        for (Slot s : sessions) {
            jdbc.sql("UPDATE booking_session SET status = 'CANCELLED', version = version + 1 WHERE id = ? AND places_taken = 0")
                    .param(s.id()).update();
        }
        audit.record(currentUser.actor(), "booking.rule.exception", "booking_rule:" + ruleId, day.toString());
    }

    /** Stops a weekly rule: no more sessions are made, and its future sessions nobody has booked are withdrawn. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int stopRule(long ruleId) {
        long worker = currentUser.require().id();
        if (rule(ruleId).filter(r -> ownerOf(ruleId) == worker).isEmpty()) {
            throw InputProblem.keyed(null, "availability.problem.ruleGone");
        }
        lockWorker(worker);
        jdbc.sql("UPDATE booking_rule SET active = FALSE WHERE id = ?").param(ruleId).update();
        int withdrawn = jdbc.sql("""
                        UPDATE booking_session SET status = 'CANCELLED', version = version + 1
                        WHERE rule_id = ? AND status = 'OPEN' AND places_taken = 0 AND starts_at > ?""")
                .params(ruleId, Timestamp.from(clock.instant())).update();
        audit.record(currentUser.actor(), "booking.rule.stopped", "booking_rule:" + ruleId, String.valueOf(withdrawn));
        return withdrawn;
    }

    /** The signed-in worker's weekly rules, newest first. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    public List<Rule> myRules() {
        long worker = currentUser.require().id();
        return jdbc.sql("SELECT id FROM booking_rule WHERE worker_id = ? ORDER BY active DESC, id DESC").param(worker)
                .query(Long.class).list().stream().map(id -> rule(id).orElseThrow()).toList();
    }

    /**
     * Makes the sessions every active rule needs up to the horizon (the daily job, {@link AvailabilityTopUp}). A
     * session that would clash with one the worker added by hand meanwhile is left out. Safe to run on several nodes
     * at once: each rule is extended in its own short transaction under its worker's lock, from where the last run
     * stopped.
     *
     * @return how many sessions were made
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    int topUp() {
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        int made = 0;
        for (long id : jdbc.sql("SELECT id FROM booking_rule WHERE active = TRUE AND (last_day IS NULL OR last_day >= ?) ORDER BY id")
                .param(java.sql.Date.valueOf(today)).query(Long.class).list()) {
            var perRule = new TransactionTemplate(tx.getTransactionManager());
            perRule.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
            Integer n = perRule.execute(status -> {
                lockWorker(ownerOf(id));
                Rule fresh = rule(id).orElseThrow(); // read under the lock: another node may have just done it
                return generate(fresh, types.find(fresh.typeId()).orElseThrow(), today, false).sessionsMade();
            });
            made += n == null ? 0 : n;
        }
        return made;
    }

    private RuleResult generate(Rule rule, SessionType type, LocalDate today, boolean refuseClashes) {
        LocalDate horizon = today.plusWeeks(HORIZON_WEEKS);
        LocalDate from = rule.generatedUntil() == null ? rule.firstDay() : rule.generatedUntil().plusDays(1);
        if (from.isBefore(today)) {
            from = today;
        }
        LocalDate to = rule.lastDay() != null && rule.lastDay().isBefore(horizon) ? rule.lastDay() : horizon;
        if (from.isAfter(to)) {
            return new RuleResult(rule.id(), 0, List.of());
        }
        Duration length = Duration.ofMinutes(type.durationMinutes());
        var plan = Recurrence.plan(Recurrence.weekly(rule.days(), rule.startsLocal(), length, rule.exceptions()), length, from, to);
        String link = jdbc.sql("SELECT video_link FROM booking_rule WHERE id = ?").param(rule.id()).query(String.class).optional().orElse(null);
        long worker = ownerOf(rule.id());
        int made = 0;
        for (var o : plan.occurrences()) {
            if (!o.startsAt().isAfter(clock.instant())) {
                continue;
            }
            Optional<Slot> clash = clash(worker, o.startsAt(), o.endsAt());
            if (clash.isPresent()) {
                if (refuseClashes) {
                    throw clashProblem(clash.get(), "start");
                }
                continue;
            }
            insert(type, worker, o.startsAt(), o.endsAt(), null, rule.id(), link);
            made++;
        }
        jdbc.sql("UPDATE booking_rule SET generated_until = ? WHERE id = ?").params(java.sql.Date.valueOf(to), rule.id()).update();
        return new RuleResult(rule.id(), made, plan.skippedForClockChange());
    }

    // ---------------------------------------------------------------- the calendar

    /** The signed-in worker's sessions starting from {@code from} to before {@code to} (local dates), by time. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    public List<Slot> mySessions(LocalDate from, LocalDate to) {
        long worker = currentUser.require().id();
        return jdbc.sql("SELECT " + SLOT_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE s.worker_id = ? AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at, s.id")
                .params(worker, Timestamp.from(from.atStartOfDay(Times.ZONE).toInstant()),
                        Timestamp.from(to.atStartOfDay(Times.ZONE).toInstant()))
                .query(Availability::slot).list();
    }

    /** One of the signed-in worker's sessions; empty for anyone else's (whatever the id). */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    public Optional<Slot> mySession(long sessionId) {
        long worker = currentUser.require().id();
        return jdbc.sql("SELECT " + SLOT_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE s.id = ? AND s.worker_id = ?")
                .params(sessionId, worker).query(Availability::slot).optional();
    }

    /** Keeps a private note on one of the worker's sessions. Parents never see these; nothing sends them anywhere. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    @Transactional
    public long addNote(long sessionId, String text) {
        long worker = currentUser.require().id();
        String body = SessionTypes.clean(text);
        if (body.isEmpty()) {
            throw InputProblem.keyed("note", "availability.problem.noteEmpty");
        }
        if (body.length() > MAX_NOTE) {
            throw InputProblem.keyed("note", "availability.problem.noteLong", MAX_NOTE, body.length());
        }
        if (mySession(sessionId).isEmpty()) {
            throw InputProblem.keyed(null, "availability.problem.sessionGone");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_session_note (session_id, worker_id, body, created_at) VALUES (?, ?, ?, ?)")
                .params(sessionId, worker, body, Timestamp.from(clock.instant())).update(keys);
        long id = keys.getKey().longValue();
        // the audit log says a note was kept, never what it says
        audit.record(currentUser.actor(), "booking.note.added", "booking_session:" + sessionId, "");
        return id;
    }

    /** The private notes on one of the signed-in worker's sessions, oldest first. */
    @PreAuthorize(Capability.HAS_RUN_SESSIONS)
    public List<Note> notes(long sessionId) {
        long worker = currentUser.require().id();
        return jdbc.sql("""
                        SELECT n.id, n.session_id, n.body, n.created_at FROM booking_session_note n
                        JOIN booking_session s ON s.id = n.session_id WHERE n.session_id = ? AND s.worker_id = ? ORDER BY n.id""")
                .params(sessionId, worker)
                .query((rs, i) -> new Note(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    // ---------------------------------------------------------------- the lock and the clash check

    /**
     * Takes the worker's lock row for the rest of the transaction (made on first use, in a transaction of its own).
     * Every path that adds a session
     * for the worker holds it while it checks for a clash and inserts, so two such paths never interleave.
     */
    void lockWorker(long worker) {
        if (jdbc.sql("SELECT COUNT(*) FROM booking_worker WHERE worker_id = ?").param(worker).query(Long.class).single() == 0) {
            // the row is made in its own short transaction, committed at once: two first requests racing to make it
            // inside their own transactions would each hold a shared lock from INSERT IGNORE and then deadlock on
            // FOR UPDATE
            var separate = new TransactionTemplate(tx.getTransactionManager());
            separate.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            separate.executeWithoutResult(status -> jdbc.sql("INSERT IGNORE INTO booking_worker (worker_id, created_at) VALUES (?, ?)")
                    .params(worker, Timestamp.from(clock.instant())).update());
        }
        jdbc.sql("SELECT worker_id FROM booking_worker WHERE worker_id = ? FOR UPDATE").param(worker).query(Long.class).single();
    }

    /** The worker's first open session overlapping [start, end), if any. Call with the worker's lock held. */
    Optional<Slot> clash(long worker, Instant start, Instant end) {
        return jdbc.sql("SELECT " + SLOT_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE s.worker_id = ? AND s.status = 'OPEN' AND s.starts_at < ? AND s.ends_at > ?"
                        + " ORDER BY s.starts_at LIMIT 1")
                .params(worker, Timestamp.from(end), Timestamp.from(start)).query(Availability::slot).optional();
    }

    private void refuseClash(long worker, Instant start, Instant end, String field) {
        var clash = clash(worker, start, end);
        if (clash.isPresent()) {
            throw clashProblem(clash.get(), field);
        }
    }

    private static InputProblem clashProblem(Slot other, String field) {
        var at = other.startsAt().atZone(Times.ZONE);
        return InputProblem.keyed(field, "availability.problem.clash", other.typeName(),
                at.format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK)),
                Recurrence.label(other.startsAt()), Recurrence.label(other.endsAt()));
    }

    private long insert(SessionType type, long worker, Instant start, Instant end, Long series, Long rule, String link) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO booking_session (type_id, worker_id, starts_at, ends_at, capacity, series_id, video_link,
                        rule_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(type.id(), worker, Timestamp.from(start), Timestamp.from(end), type.capacity(), series, link, rule,
                        Timestamp.from(clock.instant()))
                .update(keys);
        return keys.getKey().longValue();
    }

    private SessionType activeType(long typeId) {
        return types.find(typeId).filter(SessionType::active)
                .orElseThrow(() -> InputProblem.keyed("type", "availability.problem.type"));
    }

    private static String link(String videoLink, SessionType type) {
        String link = SessionTypes.clean(videoLink);
        if (link.isEmpty()) {
            return null;
        }
        if (type.placeKind() != SessionTypes.PlaceKind.VIDEO) {
            throw InputProblem.keyed("videoLink", "availability.problem.linkNotVideo");
        }
        if (link.length() > MAX_LINK || !link.matches("https://[^\\s<>\"']+")) {
            throw InputProblem.keyed("videoLink", "availability.problem.link");
        }
        return link;
    }

    private long ownerOf(long ruleId) {
        return jdbc.sql("SELECT worker_id FROM booking_rule WHERE id = ?").param(ruleId).query(Long.class).optional().orElse(-1L);
    }

    private List<Slot> sessionsOfRuleOn(long ruleId, LocalDate day) {
        return jdbc.sql("SELECT " + SLOT_COLUMNS + " FROM booking_session s JOIN booking_type t ON t.id = s.type_id"
                        + " WHERE s.rule_id = ? AND s.status = 'OPEN' AND s.starts_at >= ? AND s.starts_at < ?")
                .params(ruleId, Timestamp.from(day.atStartOfDay(Times.ZONE).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(Times.ZONE).toInstant()))
                .query(Availability::slot).list();
    }

    Optional<Rule> rule(long id) {
        var exceptions = jdbc.sql("SELECT on_day, note FROM booking_rule_exception WHERE rule_id = ? ORDER BY on_day")
                .param(id).query((rs, i) -> OpeningHours.Dated.closedOn(rs.getDate(1).toLocalDate(), rs.getString(2))).list();
        return jdbc.sql("""
                        SELECT r.id, r.type_id, t.name, r.days, r.starts_local, r.first_day, r.last_day, r.generated_until, r.active
                        FROM booking_rule r JOIN booking_type t ON t.id = r.type_id WHERE r.id = ?""")
                .param(id)
                .query((rs, i) -> new Rule(rs.getLong(1), rs.getLong(2), rs.getString(3), days(rs.getString(4)),
                        rs.getTime(5).toLocalTime(), rs.getDate(6).toLocalDate(),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getBoolean(9), exceptions))
                .optional();
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> days(String text) {
        var set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(OpeningHours.day(s)));
        return set;
    }

    private static Slot slot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long series = rs.getLong("series_id");
        Long seriesId = rs.wasNull() ? null : series;
        long rule = rs.getLong("rule_id");
        Long ruleId = rs.wasNull() ? null : rule;
        return new Slot(rs.getLong("id"), rs.getLong("type_id"), rs.getString("type_name"), rs.getLong("worker_id"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getInt("capacity"),
                rs.getInt("places_taken"), rs.getString("status"), seriesId, ruleId, rs.getString("video_link"));
    }
}
