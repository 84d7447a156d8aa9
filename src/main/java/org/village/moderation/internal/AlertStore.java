package org.village.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Urgent alerts and who was alerted (tables urgent_alert, urgent_alert_recipient). Every change that two nodes might
 * make at once is a conditional update: the database decides who wins.
 */
@Repository
public class AlertStore {

    private static final String COLUMNS = "id, case_id, subject_kind, subject_id, risk, raised_at, staffed, level, "
            + "due_at, escalated_at, out_of_hours_at, acknowledged_at, acknowledged_by, ack_millis";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long caseId, String subjectKind, long subjectId, String risk, Instant raisedAt,
                      boolean staffed, int level, Instant dueAt, Instant escalatedAt, Instant outOfHoursAt,
                      Instant acknowledgedAt, Long acknowledgedBy, Long ackMillis) {
    }

    /**
     * Gives this change to the alerts the next change number, and returns it. Call it as the last step of the write's
     * transaction: the row stays locked until commit, so every node's watcher sees numbers in commit order (V41).
     */
    public long stamp() {
        jdbc.sql("UPDATE urgent_alert_change SET n = LAST_INSERT_ID(n + 1) WHERE id = 1").update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    }

    /** The latest change number (one primary-key read; every node asks each second). */
    public long lastChange() {
        return jdbc.sql("SELECT n FROM urgent_alert_change WHERE id = 1").query(Long.class).single();
    }

    /** Records the alert for a case once; empty when it was recorded already (the event came twice). */
    public Optional<Long> insert(long caseId, String subjectKind, long subjectId, String risk, Instant raisedAt,
                                 Instant now, boolean staffed, Instant dueAt) {
        int added = jdbc.sql("INSERT IGNORE INTO urgent_alert (case_id, subject_kind, subject_id, risk, raised_at, "
                        + "recorded_at, staffed, level, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(caseId, subjectKind, subjectId, risk, ts(raisedAt), ts(now), staffed, ts(dueAt)).update();
        if (added == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single());
    }

    public void addRecipient(long alertId, long accountId, int level, Instant at) {
        jdbc.sql("INSERT IGNORE INTO urgent_alert_recipient (alert_id, account_id, level, alerted_at) VALUES (?, ?, ?, ?)")
                .params(alertId, accountId, level, ts(at)).update();
    }

    public List<Long> recipients(long alertId) {
        return jdbc.sql("SELECT account_id FROM urgent_alert_recipient WHERE alert_id = ? ORDER BY level")
                .param(alertId).query(Long.class).list();
    }

    public boolean isRecipient(long alertId, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM urgent_alert_recipient WHERE alert_id = ? AND account_id = ?")
                .params(alertId, accountId).query(Integer.class).single() > 0;
    }

    /**
     * Moves an unacknowledged alert from {@code fromLevel} to the next level. Only one caller can win: the update
     * names the level it saw, so a second node running the same escalation changes nothing (returns 0).
     */
    public int escalate(long id, int fromLevel, Instant nextDue, Instant at) {
        return jdbc.sql("UPDATE urgent_alert SET level = level + 1, due_at = ?, escalated_at = ? "
                        + "WHERE id = ? AND level = ? AND acknowledged_at IS NULL")
                .params(ts(nextDue), ts(at), id, fromLevel).update();
    }

    public void markOutOfHours(long id, Instant at) {
        jdbc.sql("UPDATE urgent_alert SET out_of_hours_at = ? WHERE id = ?").params(ts(at), id).update();
    }

    /** Unacknowledged alerts whose next escalation is due, oldest first. */
    public List<Row> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM urgent_alert WHERE acknowledged_at IS NULL AND due_at <= ? "
                        + "ORDER BY due_at, id LIMIT ?")
                .params(ts(now), limit).query(AlertStore::row).list();
    }

    /** The first acknowledgement wins; a second one (another worker, a double click) changes nothing. */
    public int acknowledge(long id, long by, Instant at, long millis) {
        return jdbc.sql("UPDATE urgent_alert SET acknowledged_at = ?, acknowledged_by = ?, ack_millis = ?, due_at = NULL "
                        + "WHERE id = ? AND acknowledged_at IS NULL")
                .params(ts(at), by, millis, id).update();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM urgent_alert WHERE id = ?").param(id).query(AlertStore::row).optional();
    }

    public Optional<Row> byCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM urgent_alert WHERE case_id = ?").param(caseId)
                .query(AlertStore::row).optional();
    }

    /** Everything nobody has acknowledged yet, oldest first (the longest waiting matters most). */
    public List<Row> open(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM urgent_alert WHERE acknowledged_at IS NULL ORDER BY raised_at, id LIMIT ?")
                .param(limit).query(AlertStore::row).list();
    }

    /** Unacknowledged alerts this person was alerted to, oldest first. */
    public List<Row> openFor(long accountId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(?<![_a-z])(\\w+)", "a.$1") + " FROM urgent_alert a "
                        + "JOIN urgent_alert_recipient r ON r.alert_id = a.id "
                        + "WHERE r.account_id = ? AND a.acknowledged_at IS NULL ORDER BY a.raised_at, a.id LIMIT ?")
                .params(accountId, limit).query(AlertStore::row).list();
    }

    public List<Row> recentlyAcknowledged(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM urgent_alert WHERE acknowledged_at >= ? "
                        + "ORDER BY acknowledged_at DESC, id DESC LIMIT ?")
                .params(ts(since), limit).query(AlertStore::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getString("subject_kind"), rs.getLong("subject_id"),
                rs.getString("risk"), instant(rs, "raised_at"), rs.getBoolean("staffed"), rs.getInt("level"),
                instant(rs, "due_at"), instant(rs, "escalated_at"), instant(rs, "out_of_hours_at"),
                instant(rs, "acknowledged_at"), rs.getObject("acknowledged_by", Long.class),
                rs.getObject("ack_millis", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
