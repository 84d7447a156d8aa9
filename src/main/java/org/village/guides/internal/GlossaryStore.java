package org.village.guides.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.guides.GlossaryTerm;
import org.village.guides.Guides.GlossaryEdit;

/** SQL for the jargon buster and the blaming-phrase list. */
@Repository
public class GlossaryStore {

    private final JdbcClient jdbc;

    GlossaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "id, term, meaning, for_you, also_known_as, version";

    private static GlossaryTerm term(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String aka = rs.getString("also_known_as");
        return new GlossaryTerm(rs.getLong("id"), rs.getString("term"), rs.getString("meaning"), rs.getString("for_you"),
                aka == null || aka.isBlank() ? List.of() : Arrays.asList(aka.split("\\|")), rs.getLong("version"));
    }

    public List<GlossaryTerm> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM glossary_term WHERE published ORDER BY term")
                .query(GlossaryStore::term).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM glossary_term").query(Long.class).single();
    }

    public long insert(GlossaryEdit e, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO glossary_term (term, meaning, for_you, also_known_as, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(e.term(), e.meaning(), e.forYou(), String.join("|", e.alsoKnownAs()), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, long version, GlossaryEdit e, Instant now) {
        return jdbc.sql("""
                UPDATE glossary_term SET term = ?, meaning = ?, for_you = ?, also_known_as = ?, updated_at = ?,
                                         version = version + 1
                WHERE id = ? AND version = ?""")
                .params(e.term(), e.meaning(), e.forYou(), String.join("|", e.alsoKnownAs()), Timestamp.from(now),
                        id, version)
                .update() == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM glossary_term WHERE id = ?").param(id).update();
    }

    public record TermMatch(GlossaryTerm term, double score) {
    }

    public List<TermMatch> search(String words, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", MATCH (term, meaning, for_you, also_known_as) AGAINST (? IN NATURAL LANGUAGE MODE) AS score"
                        + " FROM glossary_term WHERE published"
                        + " AND MATCH (term, meaning, for_you, also_known_as) AGAINST (? IN NATURAL LANGUAGE MODE)"
                        + " ORDER BY score DESC LIMIT ?")
                .params(words, words, limit)
                .query((rs, n) -> new TermMatch(term(rs, n), rs.getDouble("score"))).list();
    }

    public List<String> blamingPhrases() {
        return jdbc.sql("SELECT phrase FROM blaming_phrase ORDER BY phrase").query(String.class).list();
    }

    public void replaceBlamingPhrases(List<String> phrases) {
        jdbc.sql("DELETE FROM blaming_phrase").update();
        for (String p : phrases) {
            jdbc.sql("INSERT INTO blaming_phrase (phrase) VALUES (?)").param(p).update();
        }
    }
}
