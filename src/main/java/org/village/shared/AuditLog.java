package org.village.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of who did what, when (UTC). Rows are only ever inserted: the database
 * refuses updates and deletes (triggers in V1). Details never hold passwords, codes or contact data.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records as part of the caller's transaction: if the action rolls back, so does its entry. SUPPORTS (one insert
     * needs no transaction of its own): it joins a plain JDBC transaction as well as a JPA one (decision 105; with
     * REQUIRED the JPA manager tried to start a second transaction inside a JDBC one and failed).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void record(Actor actor, String action, String target, String detail) {
        insert(actor, action, target, detail);
    }

    /**
     * Records in its own transaction, kept even when the caller's work is refused or rolled back
     * (refused access, failed sign-ins). Works inside read-only transactions too.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlways(Actor actor, String action, String target, String detail) {
        insert(actor, action, target, detail);
    }

    /**
     * The audit row's {@code INSERT} for a caller that sends it in one packet with statements of its own, inside its
     * transaction (decision 114: a booking's rows while its session's row is locked). The target is {@code prefix}
     * followed by the value of {@code idExpression}, an SQL expression of the caller's own code (a user variable its
     * earlier statement set), never text from a request. The caller runs it as {@link #record} would be run: in the
     * transaction of the action it records.
     */
    public Insert insertFor(Actor actor, String action, String prefix, String idExpression, String detail) {
        return new Insert("INSERT INTO audit_log (at, actor_id, actor, action, target, detail) VALUES (?, ?, ?, ?,"
                + " CONCAT(?, " + idExpression + "), ?)",
                java.util.Arrays.asList(java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                        actor.id(), cut(actor.label(), 60), cut(action, 40), cut(prefix, 60), cut(detail, 500)));
    }

    /** An audit row's statement and its parameters, in order (nulls allowed). */
    public record Insert(String sql, List<Object> params) {
    }

    private void insert(Actor actor, String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit_log (at, actor_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
                // the UTC wall-clock time (the connection's zone) as a LocalDateTime: a Timestamp made the driver
                // build a SimpleDateFormat for each row (decision 105)
                .params(java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), actor.id(), cut(actor.label(), 60), cut(action, 40),
                        cut(target, 120), cut(detail, 500))
                .update();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public List<Entry> search(Filter filter, int offset, int limit) {
        var where = where(filter);
        return jdbc.sql("SELECT id, at, actor_id, actor, action, target, detail FROM audit_log" + where.sql
                        + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(append(where.params, limit, offset))
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id", Long.class), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail")))
                .list();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public int count(Filter filter) {
        var where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_log" + where.sql).params(where.params).query(Integer.class).single();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
    }

    private static Where where(Filter f) {
        var sql = new StringBuilder();
        var params = new ArrayList<Object>();
        if (f != null) {
            if (f.action() != null && !f.action().isBlank()) {
                sql.append(" AND action = ?");
                params.add(f.action());
            }
            if (f.text() != null && !f.text().isBlank()) {
                sql.append(" AND (actor LIKE ? OR target LIKE ? OR detail LIKE ?)");
                String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                params.add(like);
                params.add(like);
                params.add(like);
            }
            if (f.from() != null) {
                sql.append(" AND at >= ?");
                params.add(Timestamp.from(f.from()));
            }
            if (f.to() != null) {
                sql.append(" AND at < ?");
                params.add(Timestamp.from(f.to()));
            }
        }
        return new Where(sql.isEmpty() ? "" : " WHERE" + sql.substring(4), params);
    }

    private static List<Object> append(List<Object> list, Object... more) {
        var all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Where(String sql, List<Object> params) {
    }

    /** Who acted: a signed-in account, or the system, or an anonymous visitor. */
    public record Actor(Long id, String label) {
        public static final Actor SYSTEM = new Actor(null, "system");
        public static final Actor ANONYMOUS = new Actor(null, "anonymous");
    }

    public record Entry(long id, Instant at, Long actorId, String actor, String action, String target, String detail) {
    }

    /** Every part is optional. {@code to} is exclusive. */
    public record Filter(String action, String text, Instant from, Instant to) {
    }
}
