package org.village.forum.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.village.forum.Forum.Reaction;
import org.village.forum.PostStatus;

/** SQL for the forum. Who may see what is decided here too, in the WHERE clauses, from {@link Reader}. */
@Repository
public class ForumStore {

    private final JdbcClient jdbc;

    ForumStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who is reading: a moderator reads everything, anyone else published posts and their own waiting ones. */
    public record Reader(long id, boolean moderator) {
        String posts(String p) {
            return moderator ? "TRUE" : "(" + p + ".status = 'PUBLISHED' OR (" + p + ".author_id = " + id + " AND "
                    + p + ".status IN ('PENDING', 'HELD')))";
        }
    }

    public record CategoryRow(long id, String code, String name, String description, long topics, long posts,
                              boolean followed) {
    }

    public record TopicRow(long id, long categoryId, String categoryName, String title, long authorId, String authorName,
                           PostStatus status, boolean locked, boolean sample, int replies, Instant lastPostAt,
                           long lastPostId, long lastRead) {
    }

    public record PostRow(long id, long topicId, long authorId, String authorName, String body, PostStatus status,
                          Long quotedId, Instant createdAt, Instant editedAt, int version, boolean sample) {
    }

    public record Change(long id, long topicId, String title, String body, PostStatus status, long authorId,
                         long seq) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final String POST_COLUMNS = "p.id, p.topic_id, p.author_id, p.author_name, p.body, p.status, "
            + "p.quoted_id, p.created_at, p.edited_at, p.version, p.sample";

    private static PostRow post(ResultSet rs, int n) throws SQLException {
        long quoted = rs.getLong("quoted_id");
        return new PostRow(rs.getLong("id"), rs.getLong("topic_id"), rs.getLong("author_id"), rs.getString("author_name"),
                rs.getString("body"), PostStatus.valueOf(rs.getString("status")), rs.wasNull() ? null : quoted,
                instant(rs, "created_at"), instant(rs, "edited_at"), rs.getInt("version"), rs.getBoolean("sample"));
    }

    // ---- categories ----

    /**
     * Every category with its published topics and posts, from the counts the triggers keep (V40), not by counting
     * the topics.
     */
    public List<CategoryRow> categories(long me) {
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, c.description,
                       COALESCE(s.topics, 0) AS topics, COALESCE(s.posts, 0) AS posts,
                       EXISTS (SELECT 1 FROM forum_category_follow f WHERE f.category_id = c.id AND f.person_id = ?) AS followed
                FROM forum_category c
                LEFT JOIN forum_topic_count s ON s.category_id = c.id AND s.status = 'PUBLISHED'
                ORDER BY c.sort_order, c.name""")
                .param(me).query(ForumStore::category).list();
    }

    private static CategoryRow category(ResultSet rs, int n) throws SQLException {
        return new CategoryRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getLong("topics"), rs.getLong("posts"), rs.getBoolean("followed"));
    }

    public Optional<CategoryRow> category(long id, long me) {
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, c.description, 0 AS topics, 0 AS posts,
                       EXISTS (SELECT 1 FROM forum_category_follow f WHERE f.category_id = c.id AND f.person_id = ?) AS followed
                FROM forum_category c WHERE c.id = ?""").params(me, id).query(ForumStore::category).optional();
    }

    public Optional<Long> categoryId(String code) {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = ?").param(code).query(Long.class).optional();
    }

    /** Adds the category unless one with this code is there; safe when two nodes start at once. */
    public void addCategoryIfMissing(String code, String name, String description, int order, Instant now) {
        jdbc.sql("INSERT IGNORE INTO forum_category (code, name, description, sort_order, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, name, description, order, Timestamp.from(now)).update();
    }

    // ---- topics ----

    private static final String TOPIC_COLUMNS = "t.id, t.category_id, c.name AS category_name, t.title, t.author_id, "
            + "t.author_name, t.status, t.locked, t.sample, t.reply_count, t.last_post_at, t.last_post_id";

    private static TopicRow topic(ResultSet rs, int n) throws SQLException {
        return new TopicRow(rs.getLong("id"), rs.getLong("category_id"), rs.getString("category_name"), rs.getString("title"),
                rs.getLong("author_id"), rs.getString("author_name"), PostStatus.valueOf(rs.getString("status")),
                rs.getBoolean("locked"), rs.getBoolean("sample"), rs.getInt("reply_count"), instant(rs, "last_post_at"),
                rs.getLong("last_post_id"), rs.getLong("last_read"));
    }

    private static String topicsVisible(Reader r) {
        return r.moderator() ? "TRUE" : "(t.status = 'PUBLISHED' OR (t.author_id = " + r.id() + " AND t.status IN ('PENDING', 'HELD')))";
    }

    /**
     * One page of a category's topics, pinned first, then newest activity. The page's ids come from the index
     * forum_topic_list alone (it holds status and author, so who may see a topic is decided there too, and skipped
     * topics are never read); then only those rows are fetched, with their unread markers.
     */
    public List<TopicRow> topicsIn(long categoryId, Reader r, int limit, int offset) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + ", COALESCE(rd.last_post_id, 0) AS last_read FROM"
                        + " (SELECT t.id FROM forum_topic t FORCE INDEX (forum_topic_list)"
                        + "  WHERE t.category_id = ? AND t.status <> 'DELETED' AND " + topicsVisible(r)
                        + "  ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ? OFFSET ?) page"
                        + " JOIN forum_topic t ON t.id = page.id"
                        + " JOIN forum_category c ON c.id = t.category_id"
                        + " LEFT JOIN forum_read rd ON rd.topic_id = t.id AND rd.person_id = ?"
                        + " ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC")
                .params(categoryId, limit, offset, r.id()).query(ForumStore::topic).list();
    }

    /**
     * How many topics of the category the reader may see: the published ones from the kept counts (V40), plus, for a
     * member, their own waiting ones (a handful, by the author index); a moderator sees every status but deleted.
     */
    public long countTopicsIn(long categoryId, Reader r) {
        if (r.moderator()) {
            return jdbc.sql("SELECT COALESCE(SUM(topics), 0) FROM forum_topic_count WHERE category_id = ? AND status <> 'DELETED'")
                    .param(categoryId).query(Long.class).single();
        }
        return jdbc.sql("SELECT COALESCE((SELECT topics FROM forum_topic_count WHERE category_id = ? AND status = 'PUBLISHED'), 0)"
                        + " + (SELECT COUNT(*) FROM forum_topic WHERE author_id = ? AND category_id = ? AND status IN ('PENDING', 'HELD'))")
                .params(categoryId, r.id(), categoryId).query(Long.class).single();
    }

    /** The topic if this reader may see it. */
    public Optional<TopicRow> topic(long id, Reader r) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + ", COALESCE(rd.last_post_id, 0) AS last_read FROM forum_topic t"
                        + " JOIN forum_category c ON c.id = t.category_id"
                        + " LEFT JOIN forum_read rd ON rd.topic_id = t.id AND rd.person_id = ?"
                        + " WHERE t.id = ? AND " + topicsVisible(r))
                .params(r.id(), id).query(ForumStore::topic).optional();
    }

    /**
     * The topic's row, locked for this transaction: replies and locking wait for each other. Only the topic's row: the
     * category's name comes from a subquery, which a locking read does not lock (a join would lock the category's row
     * too, so every reply in a category waited for the one before, and two topics moved between two categories at
     * once deadlocked on the foreign-key checks: ForumTopicCountIT).
     */
    public Optional<TopicRow> topicForUpdate(long id) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS.replace("c.name AS category_name",
                                "(SELECT c.name FROM forum_category c WHERE c.id = t.category_id) AS category_name")
                        + ", 0 AS last_read FROM forum_topic t WHERE t.id = ? FOR UPDATE")
                .param(id).query(ForumStore::topic).optional();
    }

    public long insertTopic(long categoryId, String title, long authorId, String authorName, PostStatus status,
                            boolean sample, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO forum_topic (category_id, title, author_id, author_name, status, sample, last_post_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(categoryId, title, authorId, authorName, status.name(), sample, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setLocked(long topicId, boolean locked) {
        jdbc.sql("UPDATE forum_topic SET locked = ? WHERE id = ?").params(locked, topicId).update();
    }

    /**
     * Counts, last post and the topic's status (its first post's) worked out again from the posts, each from the
     * index forum_post_page except the last post's time (one row: posts are written in id order).
     */
    public void refreshTopic(long topicId) {
        jdbc.sql("""
                UPDATE forum_topic t SET
                  status = COALESCE((SELECT p.status FROM forum_post p WHERE p.topic_id = t.id ORDER BY p.id LIMIT 1), t.status),
                  reply_count = GREATEST((SELECT COUNT(*) FROM forum_post p WHERE p.topic_id = t.id AND p.status = 'PUBLISHED') - 1, 0),
                  last_post_id = COALESCE((SELECT MAX(p.id) FROM forum_post p WHERE p.topic_id = t.id AND p.status = 'PUBLISHED'), 0),
                  last_post_at = COALESCE((SELECT p.created_at FROM forum_post p WHERE p.topic_id = t.id AND p.status = 'PUBLISHED'
                                           ORDER BY p.id DESC LIMIT 1), t.created_at)
                WHERE t.id = ?""").param(topicId).update();
    }

    // ---- posts ----

    public long insertPost(long topicId, long authorId, String authorName, String body, PostStatus status, Long quotedId,
                           String clientToken, boolean sample, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO forum_post (topic_id, author_id, author_name, body, status, quoted_id, client_token, sample, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(topicId, authorId, authorName, body, status.name(), quotedId, clientToken, sample, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<PostRow> postByToken(long authorId, String clientToken) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.author_id = ? AND p.client_token = ?")
                .params(authorId, clientToken).query(ForumStore::post).optional();
    }

    public Optional<PostRow> post(long id) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.id = ?").param(id).query(ForumStore::post).optional();
    }

    public Optional<PostRow> postForUpdate(long id) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.id = ? FOR UPDATE").param(id)
                .query(ForumStore::post).optional();
    }

    public Optional<PostRow> visiblePost(long id, Reader r) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.id = ? AND " + r.posts("p"))
                .param(id).query(ForumStore::post).optional();
    }

    /**
     * A page of the topic's posts the reader may see, in the order written: the page's ids from the index
     * forum_post_page alone (V40), then only those rows.
     */
    public List<PostRow> postsIn(long topicId, Reader r, int limit, int offset) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM"
                        + " (SELECT p.id FROM forum_post p FORCE INDEX (forum_post_page) WHERE p.topic_id = ? AND " + r.posts("p")
                        + "  ORDER BY p.id LIMIT ? OFFSET ?) page JOIN forum_post p ON p.id = page.id ORDER BY p.id")
                .params(topicId, limit, offset).query(ForumStore::post).list();
    }

    public long countPostsIn(long topicId, Reader r) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_post p WHERE p.topic_id = ? AND " + r.posts("p"))
                .param(topicId).query(Long.class).single();
    }

    /**
     * How many posts of the topic this member may see, without counting the topic's posts: its published posts are
     * kept on the topic (reply_count + 1 once any is published, decided in {@link #refreshTopic}), and their own
     * waiting ones are a handful read by the author index.
     */
    public long countPostsFor(TopicRow topic, long memberId) {
        long published = topic.lastPostId() == 0 ? 0 : topic.replies() + 1L;
        return published + jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE author_id = ? AND status IN ('PENDING', 'HELD')"
                        + " AND topic_id = ?").params(memberId, topic.id()).query(Long.class).single();
    }

    /** How many of the reader's visible posts come before this one in its topic (to find its page). */
    public long countBefore(long topicId, long postId, Reader r) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_post p WHERE p.topic_id = ? AND p.id < ? AND " + r.posts("p"))
                .params(topicId, postId).query(Long.class).single();
    }

    /** The new text, if nobody changed the post since {@code version} was read. */
    public boolean updateBody(long id, int version, String body, PostStatus status, Instant now) {
        return jdbc.sql("UPDATE forum_post SET body = ?, status = ?, edited_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(body, status.name(), Timestamp.from(now), id, version).update() == 1;
    }

    public void insertRevision(long postId, String body, Instant writtenAt) {
        jdbc.sql("INSERT INTO forum_post_revision (post_id, body, written_at) VALUES (?, ?, ?)")
                .params(postId, body, Timestamp.from(writtenAt)).update();
    }

    public List<PostRow> revisions(long postId) {
        return jdbc.sql("SELECT r.post_id, r.body, r.written_at FROM forum_post_revision r WHERE r.post_id = ? ORDER BY r.id")
                .param(postId).query((rs, n) -> new PostRow(rs.getLong("post_id"), 0, 0, null, rs.getString("body"),
                        null, null, instant(rs, "written_at"), null, 0, false)).list();
    }

    /** Moves a post from one status to another; false when someone else moved it first. */
    /** A post waiting for a moderator, oldest first (index forum_post_status). */
    public record WaitingRow(long postId, long topicId, String topicTitle, String authorName, PostStatus status,
                             java.time.Instant createdAt) {
    }

    public List<WaitingRow> waiting(int limit) {
        return jdbc.sql("""
                SELECT p.id, p.topic_id, t.title, p.author_name, p.status, p.created_at
                FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id
                WHERE p.status IN ('PENDING', 'HELD') ORDER BY p.id LIMIT ?""")
                .param(limit).query((rs, n) -> new WaitingRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), PostStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant())).list();
    }

    public long countWaiting() {
        return jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE status IN ('PENDING', 'HELD')").query(Long.class).single();
    }

    public boolean changeStatus(long id, PostStatus from, PostStatus to) {
        return jdbc.sql("UPDATE forum_post SET status = ?, version = version + 1 WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    /** How many published posts the author has, counting no further than {@code upTo} (all a caller needs to know). */
    public long publishedCount(long authorId, int upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM forum_post WHERE author_id = ? AND status = 'PUBLISHED' LIMIT ?) x")
                .params(authorId, upTo).query(Long.class).single();
    }

    // ---- rate limits (decision 079) ----

    /**
     * Takes the writer's own row lock until commit, so their next post waits for this one and then counts it: two
     * tabs, double clicks or nodes cannot both slip under a limit.
     */
    public void lockWriter(long authorId) {
        jdbc.sql("INSERT INTO forum_writer (author_id) VALUES (?) ON DUPLICATE KEY UPDATE author_id = author_id")
                .param(authorId).update();
    }

    /**
     * How many posts the author wrote since this moment, whatever their status. A locking read: it sees every post
     * committed before the writer's lock was taken, whatever this transaction read before.
     */
    public long postsSince(long authorId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE author_id = ? AND created_at >= ? LOCK IN SHARE MODE")
                .params(authorId, Timestamp.from(since)).query(Long.class).single();
    }

    // ---- the change number for search indexes ----

    /**
     * Gives these posts the next change number. Call it as the last step of a write: the counter's row stays locked
     * until commit, so numbers are handed out in commit order and an index polling "above N" misses nothing.
     */
    public void stamp(Collection<Long> postIds) {
        jdbc.sql("UPDATE forum_change SET n = LAST_INSERT_ID(n + 1) WHERE id = 1").update();
        long n = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        for (long id : postIds) {
            jdbc.sql("UPDATE forum_post SET changed_seq = ? WHERE id = ?").params(n, id).update();
        }
    }

    /** Posts changed after this number, oldest change first; a topic's first post carries the topic's title. */
    public List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.topic_id, p.body, p.status, p.author_id, p.changed_seq,
                       CASE WHEN p.id = (SELECT MIN(f.id) FROM forum_post f WHERE f.topic_id = p.topic_id) THEN t.title END AS title
                FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id
                WHERE p.changed_seq > ? ORDER BY p.changed_seq, p.id LIMIT ?""")
                .params(seq, limit)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("topic_id"), rs.getString("title"),
                        rs.getString("body"), PostStatus.valueOf(rs.getString("status")), rs.getLong("author_id"),
                        rs.getLong("changed_seq"))).list();
    }

    /** Of these posts, the ones the reader may see (status checked again here, whatever the index said). */
    public record SearchRow(long id, long topicId, String title, String authorName, String body, Instant createdAt,
                            PostStatus status) {
    }

    public List<SearchRow> searchRows(Collection<Long> ids, Reader r) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.sql("SELECT p.id, p.topic_id, t.title, p.author_name, p.body, p.created_at, p.status"
                        + " FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id"
                        + " WHERE p.id IN (" + in + ") AND " + r.posts("p") + " AND " + topicsVisible(r))
                .query((rs, n) -> new SearchRow(rs.getLong("id"), rs.getLong("topic_id"), rs.getString("title"),
                        rs.getString("author_name"), rs.getString("body"), instant(rs, "created_at"),
                        PostStatus.valueOf(rs.getString("status")))).list();
    }

    // ---- reactions, follows, read markers ----

    /** Adds the reaction; false when this person had already given it (the primary key says once). */
    public boolean react(long postId, long personId, Reaction kind, Instant now) {
        try {
            jdbc.sql("INSERT INTO forum_reaction (post_id, person_id, kind, created_at) VALUES (?, ?, ?, ?)")
                    .params(postId, personId, kind.name(), Timestamp.from(now)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException already) {
            return false;
        }
    }

    public void unreact(long postId, long personId, Reaction kind) {
        jdbc.sql("DELETE FROM forum_reaction WHERE post_id = ? AND person_id = ? AND kind = ?")
                .params(postId, personId, kind.name()).update();
    }

    public record Reactions(long helped, long meToo, boolean iHelped, boolean iMeToo) {
        static final Reactions NONE = new Reactions(0, 0, false, false);
    }

    public Map<Long, Reactions> reactions(Collection<Long> postIds, long me) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        String in = postIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        var out = new HashMap<Long, Reactions>();
        jdbc.sql("SELECT post_id, SUM(kind = 'HELPED') AS helped, SUM(kind = 'ME_TOO') AS me_too,"
                        + " SUM(kind = 'HELPED' AND person_id = ?) AS i_helped, SUM(kind = 'ME_TOO' AND person_id = ?) AS i_me_too"
                        + " FROM forum_reaction WHERE post_id IN (" + in + ") GROUP BY post_id")
                .params(me, me)
                .query(rs -> {
                    out.put(rs.getLong("post_id"), new Reactions(rs.getLong("helped"), rs.getLong("me_too"),
                            rs.getLong("i_helped") > 0, rs.getLong("i_me_too") > 0));
                });
        return out;
    }

    public static Reactions none() {
        return Reactions.NONE;
    }

    public void followTopic(long personId, long topicId, boolean follow, Instant now) {
        if (follow) {
            jdbc.sql("INSERT IGNORE INTO forum_topic_follow (person_id, topic_id, created_at) VALUES (?, ?, ?)")
                    .params(personId, topicId, Timestamp.from(now)).update();
        } else {
            jdbc.sql("DELETE FROM forum_topic_follow WHERE person_id = ? AND topic_id = ?").params(personId, topicId).update();
        }
    }

    public void followCategory(long personId, long categoryId, boolean follow, Instant now) {
        if (follow) {
            jdbc.sql("INSERT IGNORE INTO forum_category_follow (person_id, category_id, created_at) VALUES (?, ?, ?)")
                    .params(personId, categoryId, Timestamp.from(now)).update();
        } else {
            jdbc.sql("DELETE FROM forum_category_follow WHERE person_id = ? AND category_id = ?")
                    .params(personId, categoryId).update();
        }
    }

    public boolean followsTopic(long personId, long topicId) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_topic_follow WHERE person_id = ? AND topic_id = ?")
                .params(personId, topicId).query(Long.class).single() > 0;
    }

    public List<Long> topicFollowers(long topicId) {
        return jdbc.sql("SELECT person_id FROM forum_topic_follow WHERE topic_id = ? ORDER BY person_id")
                .param(topicId).query(Long.class).list();
    }

    public List<Long> categoryFollowers(long categoryId) {
        return jdbc.sql("SELECT person_id FROM forum_category_follow WHERE category_id = ? ORDER BY person_id")
                .param(categoryId).query(Long.class).list();
    }

    /** Remembers the newest post seen; never moves back. */
    public void markRead(long personId, long topicId, long postId) {
        jdbc.sql("INSERT INTO forum_read (person_id, topic_id, last_post_id) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE last_post_id = GREATEST(last_post_id, VALUES(last_post_id))")
                .params(personId, topicId, postId).update();
    }

    public boolean anySamplePosts() {
        return jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE sample").query(Long.class).single() > 0;
    }

    // ---- moderation (helper M; kept together here at the end) ----

    public void insertModeratedRevision(long postId, String body, Instant writtenAt, String note) {
        jdbc.sql("INSERT INTO forum_post_revision (post_id, body, written_at, note) VALUES (?, ?, ?, ?)")
                .params(postId, body, Timestamp.from(writtenAt), note == null || note.length() <= 500 ? note : note.substring(0, 499) + "…")
                .update();
    }

    public void setPinned(long topicId, boolean pinned) {
        jdbc.sql("UPDATE forum_topic SET pinned = ? WHERE id = ?").params(pinned, topicId).update();
    }

    public boolean pinned(long topicId) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_topic WHERE id = ? AND pinned").param(topicId).query(Long.class).single() > 0;
    }

    public void moveTopic(long topicId, long categoryId) {
        jdbc.sql("UPDATE forum_topic SET category_id = ? WHERE id = ?").params(categoryId, topicId).update();
    }

    /** The posts just before this one in its topic, whatever their state, oldest first. */
    public List<PostRow> postsBefore(long topicId, long postId, int limit) {
        var rows = new java.util.ArrayList<>(jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.topic_id = ? AND p.id < ?"
                        + " ORDER BY p.id DESC LIMIT ?")
                .params(topicId, postId, limit).query(ForumStore::post).list());
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** The author's latest posts, whatever their state, newest first. */
    public List<PostRow> postsByAuthor(long authorId, int limit) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.author_id = ? ORDER BY p.id DESC LIMIT ?")
                .params(authorId, limit).query(ForumStore::post).list();
    }

    /** Demo data: the first published sample reply someone else wrote (a post a member can report). */
    public Optional<PostRow> firstSampleReplyNotBy(long personId) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM forum_post p WHERE p.sample AND p.status = 'PUBLISHED'"
                        + " AND p.author_id <> ? AND p.id > (SELECT MIN(f.id) FROM forum_post f WHERE f.topic_id = p.topic_id)"
                        + " ORDER BY p.id LIMIT 1")
                .param(personId).query(ForumStore::post).optional();
    }
}
