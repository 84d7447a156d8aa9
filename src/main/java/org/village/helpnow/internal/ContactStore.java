package org.village.helpnow.internal;

import java.sql.Time;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.helpnow.OpeningHours;

/** SQL for help-now contacts, their weekly hours and their dated exceptions. */
@Repository
public class ContactStore {

    private final JdbcClient jdbc;

    ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Contact(long id, String slug, String name, String description, String phone, String textPhone,
                          String url, OpeningHours hours, boolean outOfHours, boolean emergency, int sortOrder,
                          long version) {
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM help_contact").query(Long.class).single();
    }

    public List<Contact> all() {
        Map<Long, List<OpeningHours.Row>> rows = new HashMap<>();
        jdbc.sql("SELECT contact_id, days, opens, closes FROM help_contact_hours ORDER BY id")
                .query((rs, n) -> rows.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>())
                        .add(new OpeningHours.Row(days(rs.getString("days")), rs.getTime("opens").toLocalTime(),
                                rs.getTime("closes").toLocalTime())))
                .list();
        Map<Long, List<OpeningHours.Dated>> dated = new HashMap<>();
        jdbc.sql("SELECT contact_id, on_date, closed, opens, closes, note FROM help_contact_dated_hours ORDER BY on_date, id")
                .query((rs, n) -> dated.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>())
                        .add(new OpeningHours.Dated(rs.getDate("on_date").toLocalDate(), rs.getBoolean("closed"),
                                rs.getTime("opens") == null ? null : rs.getTime("opens").toLocalTime(),
                                rs.getTime("closes") == null ? null : rs.getTime("closes").toLocalTime(),
                                rs.getString("note"))))
                .list();
        return jdbc.sql("""
                SELECT id, slug, name, description, phone, text_phone, url, always_open, out_of_hours, emergency,
                       sort_order, version
                FROM help_contact ORDER BY sort_order, id""")
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getString("phone"), rs.getString("text_phone"),
                        rs.getString("url"),
                        new OpeningHours(rs.getBoolean("always_open"), rows.getOrDefault(rs.getLong("id"), List.of()),
                                dated.getOrDefault(rs.getLong("id"), List.of())),
                        rs.getBoolean("out_of_hours"), rs.getBoolean("emergency"), rs.getInt("sort_order"),
                        rs.getLong("version")))
                .list();
    }

    public long insert(Contact c) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO help_contact (slug, name, description, phone, text_phone, url, always_open, out_of_hours,
                                          emergency, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.slug(), c.name(), c.description(), c.phone(), c.textPhone(), c.url(), c.hours().alwaysOpen(),
                        c.outOfHours(), c.emergency(), c.sortOrder())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertHours(id, c.hours());
        return id;
    }

    /** Saves if nobody else saved since {@code c.version()}; hours are replaced as a whole. */
    public boolean update(Contact c) {
        int n = jdbc.sql("""
                UPDATE help_contact SET name = ?, description = ?, phone = ?, url = ?, always_open = ?,
                                        out_of_hours = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(c.name(), c.description(), c.phone(), c.url(), c.hours().alwaysOpen(), c.outOfHours(), c.id(),
                        c.version())
                .update();
        if (n == 1) {
            jdbc.sql("DELETE FROM help_contact_hours WHERE contact_id = ?").param(c.id()).update();
            jdbc.sql("DELETE FROM help_contact_dated_hours WHERE contact_id = ?").param(c.id()).update();
            insertHours(c.id(), c.hours());
        }
        return n == 1;
    }

    private void insertHours(long id, OpeningHours hours) {
        for (var row : hours.rows()) {
            jdbc.sql("INSERT INTO help_contact_hours (contact_id, days, opens, closes) VALUES (?, ?, ?, ?)")
                    .params(id, row.days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(",")),
                            Time.valueOf(row.opens()), Time.valueOf(row.closes()))
                    .update();
        }
        for (var d : hours.dated()) {
            jdbc.sql("INSERT INTO help_contact_dated_hours (contact_id, on_date, closed, opens, closes, note) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, java.sql.Date.valueOf(d.date()), d.closed(), d.opens() == null ? null : Time.valueOf(d.opens()),
                            d.closes() == null ? null : Time.valueOf(d.closes()), d.note())
                    .update();
        }
    }

    private static EnumSet<DayOfWeek> days(String days) {
        var set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            if (!d.isBlank()) {
                set.add(OpeningHours.day(d));
            }
        }
        return set;
    }
}
