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
    private final org.springframework.jdbc.core.JdbcTemplate template;

    EmailStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** The settings of these accounts in one read; accounts with no row are left out (their e-mail is off). */
    public java.util.Map<Long, Setting> settings(java.util.Collection<Long> accountIds) {
        var out = new java.util.HashMap<Long, Setting>();
        for (var part : chunks(new java.util.ArrayList<>(new java.util.LinkedHashSet<>(accountIds)), 500)) {
            jdbc.sql("SELECT account_id, email_on, email_address FROM notification_setting WHERE account_id IN ("
                            + marks(part.size()) + ")").params(new java.util.ArrayList<Object>(part))
                    .query((java.sql.ResultSet rs) -> {
                        out.put(rs.getLong(1), new Setting(rs.getBoolean(2), rs.getString(3)));
                    });
        }
        return out;
    }

    /** One e-mail to put in the outbox with others ({@link #queueAll}). */
    public record ToQueue(long accountId, String subject, String bodyKey, List<String> bodyArgs, String link,
                          String attachmentName, String attachmentType, byte[] attachment) {
    }

    /**
     * Puts these e-mails in the outbox with one JDBC batch (decision 100), which the driver sends as multi-row inserts
     * ({@code rewriteBatchedStatements}), in the caller's transaction; the ids come back in the order given.
     */
    public List<Long> queueAll(List<ToQueue> mails, Instant at) {
        if (mails.isEmpty()) {
            return List.of();
        }
        var when = Timestamp.from(at);
        var keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement("INSERT INTO notification_email (account_id, "
                        + "subject, body_key, body_args, link, attachment_name, attachment_type, attachment, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        var m = mails.get(i);
                        ps.setLong(1, m.accountId());
                        ps.setString(2, m.subject());
                        ps.setString(3, m.bodyKey());
                        ps.setString(4, NotificationStore.joinArgs(m.bodyArgs()));
                        ps.setString(5, m.link());
                        ps.setString(6, m.attachmentName());
                        ps.setString(7, m.attachmentType());
                        ps.setBytes(8, m.attachment());
                        ps.setTimestamp(9, when);
                    }

                    @Override
                    public int getBatchSize() {
                        return mails.size();
                    }
                }, keys);
        var ids = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
        if (ids.size() != mails.size()) {
            throw new IllegalStateException("the outbox gave back " + ids.size() + " ids for " + mails.size() + " rows");
        }
        return ids;
    }

    /** These e-mails, in one read (ids not found are left out), by id. */
    public List<Outgoing> outgoing(java.util.Collection<Long> ids) {
        var out = new java.util.ArrayList<Outgoing>();
        for (var part : chunks(new java.util.ArrayList<>(ids), 500)) {
            out.addAll(jdbc.sql("SELECT id, account_id, subject, body_key, body_args, link, attachment_name, "
                            + "attachment_type, attachment, sent_at FROM notification_email WHERE id IN ("
                            + marks(part.size()) + ") ORDER BY id").params(new java.util.ArrayList<Object>(part))
                    .query(EmailStore::outgoingRow).list());
        }
        return out;
    }

    private static Outgoing outgoingRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Outgoing(rs.getLong("id"), rs.getLong("account_id"), rs.getString("subject"),
                rs.getString("body_key"), NotificationStore.splitArgs(rs.getString("body_args")),
                rs.getString("link"), rs.getString("attachment_name"), rs.getString("attachment_type"),
                rs.getBytes("attachment"), sent == null ? null : sent.toInstant());
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        var out = new java.util.ArrayList<List<T>>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    /** Marks it sent unless it already was: 1 the first time, 0 after. */
    public int markSent(long id, Instant at) {
        return jdbc.sql("UPDATE notification_email SET sent_at = ? WHERE id = ? AND sent_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }
}
