package org.village.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.village.moderation.CaseKind;
import org.village.moderation.RiskKind;
import org.village.moderation.Subject;

/** SQL for the moderation queue (V24): cases, reports, notes and sanctions. */
@Repository
public class CaseStore {

    private final JdbcClient jdbc;
    private final org.village.shared.notices.NodeNotices notices;

    CaseStore(JdbcClient jdbc, org.village.shared.notices.NodeNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    public record CaseRow(long id, Subject subject, long authorId, CaseKind kind, boolean open, String reason,
                          RiskKind risk, Instant openedAt, Instant closedAt, Long closedBy, String outcome, int version,
                          int reports) {
    }

    public record ReportRow(long id, long caseId, long reporterId, String reason, String text, Instant createdAt,
                            Instant toldAt) {
    }

    public record NoteRow(long id, long accountId, Subject subject, String body, long writtenBy, String writtenByName,
                          Instant writtenAt) {
    }

    public record SanctionRow(long id, long accountId, String kind, Instant until, String reason, long givenBy,
                              Instant givenAt, int step) {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final String CASE_COLUMNS = "c.id, c.subject_kind, c.subject_id, c.author_id, c.kind, c.status, c.reason, "
            + "c.risk, c.opened_at, c.closed_at, c.closed_by, c.outcome, c.version, "
            + "(SELECT COUNT(*) FROM moderation_report r WHERE r.subject_kind = c.subject_kind AND r.subject_id = c.subject_id) AS reports";

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        String risk = rs.getString("risk");
        long closedBy = rs.getLong("closed_by");
        Long by = rs.wasNull() ? null : closedBy;
        return new CaseRow(rs.getLong("id"), new Subject(rs.getString("subject_kind"), rs.getLong("subject_id")),
                rs.getLong("author_id"), CaseKind.valueOf(rs.getString("kind")), "OPEN".equals(rs.getString("status")),
                rs.getString("reason"), risk == null ? null : RiskKind.valueOf(risk), instant(rs, "opened_at"),
                instant(rs, "closed_at"), by, rs.getString("outcome"), rs.getInt("version"), rs.getInt("reports"));
    }

    /**
     * Opens a case unless one is open for this subject and kind (the unique key on open_flag decides, on any node).
     * Returns the new case's id, or empty when one was already open.
     */
    public Optional<Long> openIfNone(Subject subject, long authorId, CaseKind kind, String reason, RiskKind risk,
                                     Instant now) {
        var keys = new GeneratedKeyHolder();
        int n = jdbc.sql("INSERT IGNORE INTO moderation_case (subject_kind, subject_id, author_id, kind, reason, risk, opened_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(subject.kind(), subject.id(), authorId, kind.name(), cut(reason, 500),
                        risk == null ? null : risk.name(), Timestamp.from(now))
                .update(keys, "id");
        return n == 1 && keys.getKey() != null ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    /** The open case for this subject and kind, read with a lock so a case opened by another writer is seen. */
    public Optional<CaseRow> openCase(Subject subject, CaseKind kind) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.subject_kind = ? AND c.subject_id = ?"
                        + " AND c.kind = ? AND c.open_flag = 1 LOCK IN SHARE MODE")
                .params(subject.kind(), subject.id(), kind.name()).query(CaseStore::caseRow).optional();
    }

    public Optional<CaseRow> find(long caseId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.id = ?").param(caseId)
                .query(CaseStore::caseRow).optional();
    }

    public List<CaseRow> openFor(Subject subject) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.subject_kind = ? AND c.subject_id = ?"
                        + " AND c.open_flag = 1 ORDER BY c.id")
                .params(subject.kind(), subject.id()).query(CaseStore::caseRow).list();
    }

    public List<CaseRow> allFor(Subject subject) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.subject_kind = ? AND c.subject_id = ?"
                        + " ORDER BY c.id")
                .params(subject.kind(), subject.id()).query(CaseStore::caseRow).list();
    }

    /** Closes every open case about this subject; returns the ones this call closed (a second call closes none). */
    public List<CaseRow> closeAll(Subject subject, String outcome, Long by, Instant now) {
        var open = jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.subject_kind = ? AND c.subject_id = ?"
                        + " AND c.open_flag = 1 ORDER BY c.id FOR UPDATE")
                .params(subject.kind(), subject.id()).query(CaseStore::caseRow).list();
        var closed = new java.util.ArrayList<CaseRow>();
        for (CaseRow c : open) {
            if (close(c.id(), c.version(), outcome, by, now)) {
                closed.add(c);
            }
        }
        return closed;
    }

    /** Closes the case if it is still open at this version; false when someone else acted first. */
    public boolean close(long caseId, int version, String outcome, Long by, Instant now) {
        return jdbc.sql("UPDATE moderation_case SET status = 'CLOSED', closed_at = ?, closed_by = ?, outcome = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ? AND status = 'OPEN'")
                .params(Timestamp.from(now), by, cut(outcome, 40), caseId, version).update() == 1;
    }

    public long countOpen(CaseKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM moderation_case WHERE open_flag = 1 AND kind = ?").param(kind.name())
                .query(Long.class).single();
    }

    /** Open cases of a kind; oldest first for working through the queue, newest first for a summary. */
    public List<CaseRow> open(CaseKind kind, int limit, boolean newestFirst) {
        String order = newestFirst ? " ORDER BY c.opened_at DESC, c.id DESC" : " ORDER BY c.opened_at, c.id";
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.open_flag = 1 AND c.kind = ?"
                        + order + " LIMIT ?")
                .params(kind.name(), limit).query(CaseStore::caseRow).list();
    }

    /** The author's cases, newest first (their history as moderators see it). */
    public List<CaseRow> byAuthor(long authorId, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM moderation_case c WHERE c.author_id = ?"
                        + " ORDER BY c.opened_at DESC, c.id DESC LIMIT ?")
                .params(authorId, limit).query(CaseStore::caseRow).list();
    }

    // ---- reports ----

    /** Locks the case's row for this transaction: reports to one case (and decisions on it) wait for each other. */
    public void lockCase(long caseId) {
        jdbc.sql("SELECT id FROM moderation_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).list();
    }

    /** How many members reported into this case (a locking read: it sees every committed report). */
    public long reportsOnCase(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM moderation_report WHERE case_id = ? LOCK IN SHARE MODE").param(caseId)
                .query(Long.class).single();
    }

    /** Adds the report; false when this member had already reported this item (the unique key says once). */
    public boolean addReport(long caseId, Subject subject, long reporterId, String reason, String text, Instant now) {
        try {
            jdbc.sql("INSERT INTO moderation_report (case_id, subject_kind, subject_id, reporter_id, reason, text, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(caseId, subject.kind(), subject.id(), reporterId, reason, text, Timestamp.from(now)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException already) {
            return false;
        }
    }

    public boolean hasReported(Subject subject, long reporterId) {
        return jdbc.sql("SELECT COUNT(*) FROM moderation_report WHERE subject_kind = ? AND subject_id = ? AND reporter_id = ?")
                .params(subject.kind(), subject.id(), reporterId).query(Long.class).single() > 0;
    }

    /** How many different members reported this item (one row each, by the unique key). */
    public long reporters(Subject subject) {
        return jdbc.sql("SELECT COUNT(*) FROM moderation_report WHERE subject_kind = ? AND subject_id = ?")
                .params(subject.kind(), subject.id()).query(Long.class).single();
    }

    private static ReportRow reportRow(ResultSet rs, int n) throws SQLException {
        return new ReportRow(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("reporter_id"), rs.getString("reason"),
                rs.getString("text"), instant(rs, "created_at"), instant(rs, "told_at"));
    }

    public List<ReportRow> reports(Subject subject) {
        return jdbc.sql("SELECT id, case_id, reporter_id, reason, text, created_at, told_at FROM moderation_report"
                        + " WHERE subject_kind = ? AND subject_id = ? ORDER BY id")
                .params(subject.kind(), subject.id()).query(CaseStore::reportRow).list();
    }

    /** The reports not yet told about this case's outcome, marked told in the same step (each is told once). */
    public List<ReportRow> untold(long caseId, Instant now) {
        var rows = jdbc.sql("SELECT id, case_id, reporter_id, reason, text, created_at, told_at FROM moderation_report"
                        + " WHERE case_id = ? AND told_at IS NULL ORDER BY id FOR UPDATE")
                .param(caseId).query(CaseStore::reportRow).list();
        var told = new java.util.ArrayList<ReportRow>();
        for (ReportRow r : rows) {
            if (jdbc.sql("UPDATE moderation_report SET told_at = ? WHERE id = ? AND told_at IS NULL")
                    .params(Timestamp.from(now), r.id()).update() == 1) {
                told.add(r);
            }
        }
        return told;
    }

    // ---- notes ----

    public long addNote(long accountId, Subject subject, String body, long by, String byName, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO moderation_note (account_id, subject_kind, subject_id, body, written_by, written_by_name, written_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(accountId, subject == null ? null : subject.kind(), subject == null ? null : subject.id(), body, by,
                        cut(byName, 100), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<NoteRow> notes(long accountId, int limit) {
        return jdbc.sql("SELECT id, account_id, subject_kind, subject_id, body, written_by, written_by_name, written_at"
                        + " FROM moderation_note WHERE account_id = ? ORDER BY written_at DESC, id DESC LIMIT ?")
                .params(accountId, limit).query((rs, n) -> {
                    String kind = rs.getString("subject_kind");
                    return new NoteRow(rs.getLong("id"), rs.getLong("account_id"),
                            kind == null ? null : new Subject(kind, rs.getLong("subject_id")), rs.getString("body"),
                            rs.getLong("written_by"), rs.getString("written_by_name"), instant(rs, "written_at"));
                }).list();
    }

    // ---- sanctions ----

    /** Adds a sanction; a second suspension at the same ladder step for the account fails with a duplicate key. */
    public long addSanction(long accountId, String kind, Instant until, String reason, long by, Instant now, int step,
                            Long caseId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO moderation_sanction (account_id, kind, until, reason, given_by, given_at, step, case_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(accountId, kind, until == null ? null : Timestamp.from(until), cut(reason, 500), by,
                        Timestamp.from(now), step, caseId)
                .update(keys, "id");
        // every node forgets what it kept of this account's silences, once this commits (decision 113)
        notices.publish(new org.village.shared.notices.NodeNotices.Notice(
                org.village.shared.notices.NodeNotices.SANCTION, accountId, null));
        return keys.getKey().longValue();
    }

    public List<SanctionRow> sanctions(long accountId) {
        return jdbc.sql("SELECT id, account_id, kind, until, reason, given_by, given_at, step FROM moderation_sanction"
                        + " WHERE account_id = ? ORDER BY given_at DESC, id DESC")
                .param(accountId).query((rs, n) -> new SanctionRow(rs.getLong("id"), rs.getLong("account_id"),
                        rs.getString("kind"), instant(rs, "until"), rs.getString("reason"), rs.getLong("given_by"),
                        instant(rs, "given_at"), rs.getInt("step"))).list();
    }

    /** The latest time a silence or suspension of this account runs to, if one runs past {@code now}. */
    public Optional<Instant> silencedUntil(long accountId, Instant now) {
        return Optional.ofNullable(jdbc.sql("SELECT MAX(until) FROM moderation_sanction WHERE account_id = ?"
                        + " AND kind IN ('SILENCE', 'SUSPEND') AND until > ?")
                .params(accountId, now).query(Timestamp.class).optional().orElse(null))
                .map(Timestamp::toInstant);
    }

    /**
     * The latest time any silence or suspension of this account ever ran or runs to (null: never silenced): unlike
     * {@link #silencedUntil} the answer does not depend on when it is asked, so it may be kept (decision 113).
     */
    public Instant latestSilenceEnd(long accountId) {
        return jdbc.sql("SELECT MAX(until) FROM moderation_sanction WHERE account_id = ? AND kind IN ('SILENCE', 'SUSPEND')")
                .param(accountId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    /** The highest suspension step this account reached (0 when never suspended). */
    public int suspensionStep(long accountId) {
        return jdbc.sql("SELECT COALESCE(MAX(step), 0) FROM moderation_sanction WHERE account_id = ? AND kind IN ('SUSPEND', 'SWITCH_OFF')")
                .param(accountId).query(Integer.class).single();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
