package org.village.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Each person's e-mail setting, and the outbox of e-mails to send. */
@Repository
public class EmailStore {

    private final JdbcClient jdbc;

    EmailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's setting; no row means e-mail is off (the default). */
    public record Setting(boolean on, String address) {
        public static final Setting OFF = new Setting(false, null);
    }

    public Setting setting(long accountId) {
        return jdbc.sql("SELECT email_on, email_address FROM notification_setting WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new Setting(rs.getBoolean(1), rs.getString(2))).optional().orElse(Setting.OFF);
    }

    public void save(long accountId, Setting setting, Instant at) {
        // one statement, so two saves at once leave one row (the primary key) and the later words
        jdbc.sql("INSERT INTO notification_setting (account_id, email_on, email_address, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE email_on = VALUES(email_on), email_address = VALUES(email_address), "
                        + "updated_at = VALUES(updated_at)")
                .params(accountId, setting.on(), setting.address(), Timestamp.from(at)).update();
    }

    /** One e-mail waiting to go (or gone, when {@code sentAt} is set). */
    public record Outgoing(long id, long accountId, String subject, String bodyKey, List<String> bodyArgs, String link,
                           String attachmentName, String attachmentType, byte[] attachment, Instant sentAt) {
    }

    public long queue(long accountId, String subject, String bodyKey, List<String> bodyArgs, String link,
                      String attachmentName, String attachmentType, byte[] attachment, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification_email (account_id, subject, body_key, body_args, link, attachment_name, "
                        + "attachment_type, attachment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(accountId, subject, bodyKey, NotificationStore.joinArgs(bodyArgs), link, attachmentName,
                        attachmentType, attachment, Timestamp.from(at)).update(keys);
        return keys.getKey().longValue();
    }

    public Optional<Outgoing> outgoing(long id) {
        return jdbc.sql("SELECT id, account_id, subject, body_key, body_args, link, attachment_name, attachment_type, "
                        + "attachment, sent_at FROM notification_email WHERE id = ?").param(id)
                .query((rs, n) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new Outgoing(rs.getLong("id"), rs.getLong("account_id"), rs.getString("subject"),
                            rs.getString("body_key"), NotificationStore.splitArgs(rs.getString("body_args")),
                            rs.getString("link"), rs.getString("attachment_name"), rs.getString("attachment_type"),
                            rs.getBytes("attachment"), sent == null ? null : sent.toInstant());
                }).optional();
    }

    /** Marks it sent unless it already was: 1 the first time, 0 after. */
    public int markSent(long id, Instant at) {
        return jdbc.sql("UPDATE notification_email SET sent_at = ? WHERE id = ? AND sent_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }
}
