package org.village.moderation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The duty rota's rows and the out-of-hours setting (tables duty_rota_entry, duty_setting). */
@Repository
public class RotaStore {

    public static final String OUT_OF_HOURS = "out-of-hours";

    private final JdbcClient jdbc;

    RotaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One worker's place on the rota: their hours as typed (OpeningHoursParser text) or always on. */
    public record Row(long id, long accountId, int position, boolean alwaysOn, String hours) {
    }

    public List<Row> all() {
        return jdbc.sql("SELECT id, account_id, position, always_on, hours FROM duty_rota_entry ORDER BY position, id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getInt("position"),
                        rs.getBoolean("always_on"), rs.getString("hours")))
                .list();
    }

    public Optional<Row> byAccount(long accountId) {
        return all().stream().filter(r -> r.accountId() == accountId).findFirst();
    }

    public Optional<Row> byId(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    /**
     * Adds the worker at the end of the rota, or changes their hours when they are on it already (one row per person:
     * the unique key decides when two pages add the same person at once).
     */
    public void save(long accountId, boolean alwaysOn, String hours, Instant at) {
        jdbc.sql("INSERT INTO duty_rota_entry (account_id, position, always_on, hours, changed_at) "
                        + "SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ? FROM duty_rota_entry "
                        + "ON DUPLICATE KEY UPDATE always_on = VALUES(always_on), hours = VALUES(hours), "
                        + "changed_at = VALUES(changed_at)")
                .params(accountId, alwaysOn, hours, Timestamp.from(at)).update();
    }

    public int remove(long id) {
        return jdbc.sql("DELETE FROM duty_rota_entry WHERE id = ?").param(id).update();
    }

    /** Swaps the positions of two rows (under row locks, so two moves at once cannot lose a row's place). */
    public boolean swap(long a, long b, Instant at) {
        var rows = jdbc.sql("SELECT id, position FROM duty_rota_entry WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(a, b).query((rs, n) -> new long[] {rs.getLong("id"), rs.getInt("position")}).list();
        if (rows.size() != 2) {
            return false;
        }
        jdbc.sql("UPDATE duty_rota_entry SET position = ?, changed_at = ? WHERE id = ?")
                .params(rows.get(1)[1], Timestamp.from(at), rows.get(0)[0]).update();
        jdbc.sql("UPDATE duty_rota_entry SET position = ?, changed_at = ? WHERE id = ?")
                .params(rows.get(0)[1], Timestamp.from(at), rows.get(1)[0]).update();
        return true;
    }

    /** Puts a row first (position below every other), for set-up and tests. */
    public void putFirst(long id, Instant at) {
        jdbc.sql("UPDATE duty_rota_entry e JOIN (SELECT COALESCE(MIN(position), 0) - 1 AS p FROM duty_rota_entry) m "
                + "SET e.position = m.p, e.changed_at = ? WHERE e.id = ?").params(Timestamp.from(at), id).update();
    }

    public Optional<String> setting(String name) {
        return jdbc.sql("SELECT value FROM duty_setting WHERE name = ?").param(name).query(String.class).optional();
    }

    public void saveSetting(String name, String value, Instant at) {
        jdbc.sql("INSERT INTO duty_setting (name, value, changed_at) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE value = VALUES(value), changed_at = VALUES(changed_at)")
                .params(name, value, Timestamp.from(at)).update();
    }

    public int removeSetting(String name) {
        return jdbc.sql("DELETE FROM duty_setting WHERE name = ?").param(name).update();
    }
}
