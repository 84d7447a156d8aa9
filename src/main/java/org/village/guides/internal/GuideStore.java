package org.village.guides.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.guides.Guides.Category;
import org.village.guides.Guides.EditorRow;
import org.village.guides.Guides.GuideDraft;
import org.village.guides.Guides.GuideEdit;
import org.village.guides.Guides.GuideSummary;
import org.village.guides.Guides.Revision;

/**
 * SQL for guides, their categories and revisions. Optimistic locking is a conditional update on
 * {@code version}: the database, not the view, decides who saved first.
 */
@Repository
public class GuideStore {

    private final JdbcClient jdbc;

    GuideStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published guide as stored; the service renders the body. */
    public record PublishedRow(long id, String slug, String categoryCode, String kind, String title, String summary,
                               String body, List<String> related, LocalDate lastChecked, boolean sample,
                               Instant publishedAt) {
    }

    /** A search match with the plain text to cut a snippet from. */
    public record TextRow(String key, String title, String text, double score) {
    }

    public void insertCategory(Category c, int order) {
        jdbc.sql("INSERT INTO guide_category (code, name, description, sort_order) VALUES (?, ?, ?, ?)")
                .params(c.code(), c.name(), c.description(), order).update();
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT code, name, description FROM guide_category ORDER BY sort_order")
                .query(Category.class).list();
    }

    public long countGuides() {
        return jdbc.sql("SELECT COUNT(*) FROM guide").query(Long.class).single();
    }

    public long insert(GuideEdit e, boolean sample, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO guide (slug, category_code, kind, title, summary, body, related, sample, last_checked,
                                   updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(e.slug(), e.categoryCode(), e.kind(), e.title(), e.summary(), e.body(),
                        String.join(",", e.related()), sample, e.lastChecked(), Timestamp.from(now), actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves the draft only if nobody saved since {@code version}; returns false when someone did. */
    public boolean updateDraft(long id, long version, GuideEdit e, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE guide SET slug = ?, category_code = ?, kind = ?, title = ?, summary = ?, body = ?, related = ?,
                                 last_checked = ?, updated_at = ?, updated_by = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(e.slug(), e.categoryCode(), e.kind(), e.title(), e.summary(), e.body(),
                        String.join(",", e.related()), e.lastChecked(), Timestamp.from(now), actor, id, version)
                .update() == 1;
    }

    /** Copies the draft into the public columns, if the draft is still at {@code version}. */
    public boolean publish(long id, long version, String plainText, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE guide SET pub_title = title, pub_summary = summary, pub_body = body, pub_text = ?,
                                 published_at = ?, published_by = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(plainText, Timestamp.from(now), actor, id, version).update() == 1;
    }

    public boolean unpublish(long id, long version) {
        return jdbc.sql("""
                UPDATE guide SET pub_title = NULL, pub_summary = NULL, pub_body = NULL, pub_text = NULL,
                                 published_at = NULL, published_by = NULL, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(id, version).update() == 1;
    }

    public Optional<PublishedRow> published(String slug) {
        return jdbc.sql("""
                SELECT id, slug, category_code, kind, pub_title, pub_summary, pub_body, related, last_checked, sample,
                       published_at
                FROM guide WHERE slug = ? AND pub_body IS NOT NULL""")
                .param(slug)
                .query((rs, n) -> new PublishedRow(rs.getLong("id"), rs.getString("slug"), rs.getString("category_code"),
                        rs.getString("kind"), rs.getString("pub_title"), rs.getString("pub_summary"),
                        rs.getString("pub_body"), related(rs.getString("related")),
                        date(rs, "last_checked"), rs.getBoolean("sample"), instant(rs, "published_at")))
                .optional();
    }

    public List<GuideSummary> publishedIn(String categoryCode) {
        return jdbc.sql("""
                SELECT slug, pub_title, pub_summary, category_code, kind FROM guide
                WHERE category_code = ? AND pub_body IS NOT NULL ORDER BY kind DESC, pub_title LIMIT 200""")
                .param(categoryCode).query(GuideStore::summary).list();
    }

    public List<GuideSummary> publishedBySlugs(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(slugs.size(), "?"));
        var found = jdbc.sql("SELECT slug, pub_title, pub_summary, category_code, kind FROM guide WHERE pub_body IS NOT NULL"
                        + " AND slug IN (" + marks + ")")
                .params(List.copyOf(slugs)).query(GuideStore::summary).list();
        // keep the author's order
        return slugs.stream().flatMap(s -> found.stream().filter(g -> g.slug().equals(s))).toList();
    }

    /** Oldest first: the seeded pathways come in the order families usually meet them (missing, arrested ...). */
    public List<GuideSummary> publishedOfKind(String kind) {
        return jdbc.sql("""
                SELECT slug, pub_title, pub_summary, category_code, kind FROM guide
                WHERE kind = ? AND pub_body IS NOT NULL ORDER BY id LIMIT 200""")
                .param(kind).query(GuideStore::summary).list();
    }

    private static GuideSummary summary(ResultSet rs, int n) throws SQLException {
        return new GuideSummary(rs.getString("slug"), rs.getString("pub_title"), rs.getString("pub_summary"),
                rs.getString("category_code"), rs.getString("kind"));
    }

    public Optional<GuideDraft> draft(long id) {
        return jdbc.sql("""
                SELECT id, slug, category_code, kind, title, summary, body, related, last_checked, version,
                       pub_body IS NOT NULL AS published,
                       (pub_body IS NOT NULL AND (pub_body <> body OR pub_title <> title OR pub_summary <> summary)) AS changed,
                       updated_at, updated_by, published_at, published_by
                FROM guide WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new GuideDraft(rs.getLong("id"),
                        new GuideEdit(rs.getString("slug"), rs.getString("category_code"), rs.getString("kind"),
                                rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                                related(rs.getString("related")), date(rs, "last_checked")),
                        rs.getLong("version"), rs.getBoolean("published"), rs.getBoolean("changed"),
                        instant(rs, "updated_at"), rs.getString("updated_by"), instant(rs, "published_at"),
                        rs.getString("published_by")))
                .optional();
    }

    public List<EditorRow> editorRows(String text, int offset, int limit) {
        return jdbc.sql("""
                SELECT id, slug, title, category_code, pub_body IS NOT NULL AS published,
                       (pub_body IS NOT NULL AND (pub_body <> body OR pub_title <> title OR pub_summary <> summary)) AS changed,
                       updated_at, updated_by
                FROM guide WHERE (? = '' OR title LIKE ? OR slug LIKE ?)
                ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(text, like(text), like(text), limit, offset)
                .query((rs, n) -> new EditorRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("category_code"), rs.getBoolean("published"), rs.getBoolean("changed"),
                        instant(rs, "updated_at"), rs.getString("updated_by")))
                .list();
    }

    public int countEditorRows(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM guide WHERE (? = '' OR title LIKE ? OR slug LIKE ?)")
                .params(text, like(text), like(text)).query(Integer.class).single();
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public int addRevision(long guideId, String title, String summary, String body, String note, String actor,
                           Instant now) {
        // the unique key (guide_id, number) refuses a duplicate number if two saves race
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM guide_revision WHERE guide_id = ?")
                .param(guideId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO guide_revision (guide_id, number, title, summary, body, note, saved_at, saved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(guideId, number, title, summary, body, note, Timestamp.from(now), actor).update();
        return number;
    }

    public List<Revision> revisions(long guideId) {
        return jdbc.sql("""
                SELECT id, number, title, note, saved_at, saved_by FROM guide_revision WHERE guide_id = ?
                ORDER BY number DESC LIMIT 200""")
                .param(guideId)
                .query((rs, n) -> new Revision(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("note"), instant(rs, "saved_at"), rs.getString("saved_by")))
                .list();
    }

    /** Title, summary and body of a revision of this guide. */
    public Optional<String[]> revisionContent(long guideId, long revisionId) {
        return jdbc.sql("SELECT title, summary, body, number FROM guide_revision WHERE id = ? AND guide_id = ?")
                .params(revisionId, guideId)
                .query((rs, n) -> new String[] {rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                        rs.getString("number")})
                .optional();
    }

    public List<TextRow> searchGuides(String words, int limit) {
        return jdbc.sql("""
                SELECT slug, pub_title, CONCAT_WS(' ', pub_summary, pub_text) AS text,
                       MATCH (pub_title) AGAINST (? IN NATURAL LANGUAGE MODE) * 2
                     + MATCH (pub_title, pub_summary, pub_text) AGAINST (? IN NATURAL LANGUAGE MODE) AS score
                FROM guide
                WHERE pub_body IS NOT NULL AND MATCH (pub_title, pub_summary, pub_text) AGAINST (? IN NATURAL LANGUAGE MODE)
                ORDER BY score DESC LIMIT ?""")
                .params(words, words, words, limit)
                .query((rs, n) -> new TextRow(rs.getString("slug"), rs.getString("pub_title"), rs.getString("text"),
                        rs.getDouble("score")))
                .list();
    }

    /** For words too short for the full-text index (GP, A&E): a plain title match. */
    public List<TextRow> searchGuideTitles(String text, int limit) {
        return jdbc.sql("""
                SELECT slug, pub_title, pub_text FROM guide WHERE pub_body IS NOT NULL AND pub_title LIKE ?
                ORDER BY pub_title LIMIT ?""")
                .params(like(text), limit)
                .query((rs, n) -> new TextRow(rs.getString("slug"), rs.getString("pub_title"), rs.getString("pub_text"), 1))
                .list();
    }

    /** Every published word source, for the spelling vocabulary. Streams so a big site is not held twice. */
    public void eachPublishedText(java.util.function.Consumer<String> consumer) {
        jdbc.sql("SELECT CONCAT_WS(' ', pub_title, pub_summary, pub_text) FROM guide WHERE pub_body IS NOT NULL")
                .query((rs, n) -> {
                    consumer.accept(rs.getString(1));
                    return 0;
                }).list();
    }

    public boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM guide WHERE slug = ? AND id <> ?").params(slug, exceptId)
                .query(Integer.class).single() > 0;
    }

    public Optional<Long> idOf(String slug) {
        return jdbc.sql("SELECT id FROM guide WHERE slug = ?").param(slug).query(Long.class).optional();
    }

    private static List<String> related(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static LocalDate date(ResultSet rs, String col) throws SQLException {
        var d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public List<String> publishedLanguages(long guideId) {
        return jdbc.sql("SELECT language FROM guide_translation WHERE guide_id = ? AND published ORDER BY language")
                .param(guideId).query(String.class).list();
    }

    public List<org.village.guides.Guides.Translation> translations(long guideId) {
        return jdbc.sql("""
                SELECT guide_id, language, title, summary, body, published, version FROM guide_translation
                WHERE guide_id = ? ORDER BY language""")
                .param(guideId)
                .query((rs, n) -> new org.village.guides.Guides.Translation(rs.getLong("guide_id"), rs.getString("language"),
                        rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getBoolean("published"),
                        rs.getLong("version")))
                .list();
    }

    /** Inserts a new translation (version 0) or updates one still at {@code t.version()}; false if someone saved first. */
    public boolean saveTranslation(org.village.guides.Guides.Translation t, boolean exists, String actor, Instant now) {
        if (!exists) {
            return jdbc.sql("""
                    INSERT INTO guide_translation (guide_id, language, title, summary, body, published, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.guideId(), t.language(), t.title(), t.summary(), t.body(), t.published(), Timestamp.from(now), actor)
                    .update() == 1;
        }
        return jdbc.sql("""
                UPDATE guide_translation SET title = ?, summary = ?, body = ?, published = ?, updated_at = ?, updated_by = ?,
                                             version = version + 1
                WHERE guide_id = ? AND language = ? AND version = ?""")
                .params(t.title(), t.summary(), t.body(), t.published(), Timestamp.from(now), actor, t.guideId(),
                        t.language(), t.version())
                .update() == 1;
    }
}
