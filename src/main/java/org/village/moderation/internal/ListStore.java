package org.village.moderation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.moderation.RiskKind;
import org.village.moderation.WatchAction;

/**
 * The moderation lists in the database (V19, V20): watched words, risk phrases, school names, and the counter
 * every node watches to know when to reload them. Each change raises the counter in the caller's transaction.
 */
@Repository
public class ListStore {

    public record WatchedRow(long id, String phrase, WatchAction action, String reason) {
    }

    public record RiskRow(long id, String phrase, RiskKind kind) {
    }

    public record SchoolRow(long id, String name) {
    }

    private final JdbcClient jdbc;

    ListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long version() {
        return jdbc.sql("SELECT version FROM moderation_list_version WHERE name = 'lists'").query(Long.class).single();
    }

    public void raiseVersion() {
        jdbc.sql("UPDATE moderation_list_version SET version = version + 1 WHERE name = 'lists'").update();
    }

    public List<WatchedRow> watched() {
        return jdbc.sql("SELECT id, phrase, action, reason FROM moderation_watched_word ORDER BY phrase, id")
                .query((rs, n) -> new WatchedRow(rs.getLong("id"), rs.getString("phrase"),
                        WatchAction.valueOf(rs.getString("action")), rs.getString("reason")))
                .list();
    }

    public List<RiskRow> risks() {
        return jdbc.sql("SELECT id, phrase, kind FROM moderation_risk_phrase ORDER BY kind, phrase, id")
                .query((rs, n) -> new RiskRow(rs.getLong("id"), rs.getString("phrase"), RiskKind.valueOf(rs.getString("kind"))))
                .list();
    }

    public List<SchoolRow> schools() {
        return jdbc.sql("SELECT id, name FROM moderation_school ORDER BY name, id")
                .query((rs, n) -> new SchoolRow(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** Inserts unless the same normalised phrase is already listed; returns the new id, or -1 when it was. */
    public long addWatched(String phrase, String normalised, WatchAction action, String reason, Instant at) {
        int added = jdbc.sql("INSERT IGNORE INTO moderation_watched_word (phrase, normalised, action, reason, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(phrase, normalised, action.name(), reason, Timestamp.from(at)).update();
        return added == 0 ? -1 : lastId();
    }

    public boolean changeWatched(long id, WatchAction action, String reason, Instant at) {
        return jdbc.sql("UPDATE moderation_watched_word SET action = ?, reason = ?, changed_at = ? WHERE id = ?")
                .params(action.name(), reason, Timestamp.from(at), id).update() == 1;
    }

    public long addRisk(String phrase, String normalised, RiskKind kind, Instant at) {
        int added = jdbc.sql("INSERT IGNORE INTO moderation_risk_phrase (phrase, normalised, kind, changed_at) VALUES (?, ?, ?, ?)")
                .params(phrase, normalised, kind.name(), Timestamp.from(at)).update();
        return added == 0 ? -1 : lastId();
    }

    public boolean changeRisk(long id, RiskKind kind, Instant at) {
        return jdbc.sql("UPDATE moderation_risk_phrase SET kind = ?, changed_at = ? WHERE id = ?")
                .params(kind.name(), Timestamp.from(at), id).update() == 1;
    }

    public long addSchool(String name, String normalised, Instant at) {
        int added = jdbc.sql("INSERT IGNORE INTO moderation_school (name, normalised, changed_at) VALUES (?, ?, ?)")
                .params(name, normalised, Timestamp.from(at)).update();
        return added == 0 ? -1 : lastId();
    }

    /** The phrase removed, or null when there was no such row (someone else removed it first). */
    public String removeWatched(long id) {
        return remove("moderation_watched_word", "phrase", id);
    }

    public String removeRisk(long id) {
        return remove("moderation_risk_phrase", "phrase", id);
    }

    public String removeSchool(long id) {
        return remove("moderation_school", "name", id);
    }

    public String watchedPhrase(long id) {
        return jdbc.sql("SELECT phrase FROM moderation_watched_word WHERE id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    public String riskPhrase(long id) {
        return jdbc.sql("SELECT phrase FROM moderation_risk_phrase WHERE id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    private String remove(String table, String column, long id) {
        // the row is locked so two workers removing it at once cannot both succeed
        var found = jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).optional();
        if (found.isEmpty() || jdbc.sql("DELETE FROM " + table + " WHERE id = ?").param(id).update() != 1) {
            return null;
        }
        return found.get();
    }

    private long lastId() {
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    }
}
