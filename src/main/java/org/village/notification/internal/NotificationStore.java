package org.village.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.village.notification.Notification;

/** The notification table. Every statement names the account, so one person's rows never answer another's query. */
@Repository
public class NotificationStore {

    /** Between arguments: the unit separator, which people cannot type into a form. */
    public static final String SEPARATOR = "\u001F";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String joinArgs(List<String> args) {
        return String.join(SEPARATOR, args);
    }

    public static List<String> splitArgs(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    public long insert(long accountId, String kind, String key, List<String> args, String link, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification (account_id, kind, text_key, text_args, link, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(accountId, kind, key, joinArgs(args), link, Timestamp.from(at)).update(keys);
        return keys.getKey().longValue();
    }

    public List<Notification> page(long accountId, int offset, int limit) {
        return jdbc.sql("SELECT id, kind, text_key, text_args, link, created_at, read_at FROM notification "
                        + "WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(accountId, limit, offset).query(NotificationStore::row).list();
    }

    public long unread(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND read_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    public long total(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ?").param(accountId).query(Long.class).single();
    }

    /** The link of this account's notification, if the notification is theirs. */
    public Optional<String> linkOf(long accountId, long id) {
        return jdbc.sql("SELECT link FROM notification WHERE id = ? AND account_id = ?").params(id, accountId)
                .query(String.class).optional();
    }

    /** Marks one as read if it is this account's and still unread; the number of rows changed (0 or 1). */
    public int markRead(long accountId, long id, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), id, accountId).update();
    }

    public int markAllRead(long accountId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), accountId).update();
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("text_key"),
                splitArgs(rs.getString("text_args")), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
