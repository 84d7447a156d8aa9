package org.village.guides.internal;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counters that tell every node when cached guide content has changed anywhere (see V6__content_versions).
 * {@link #bump} runs inside the changing transaction, so the new count is seen exactly when the change is.
 */
@Component
public class ContentVersions {

    public static final String GUIDES = "guides";
    public static final String GLOSSARY = "glossary";

    private final JdbcClient jdbc;

    ContentVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void bump(String name) {
        jdbc.sql("UPDATE content_version SET version = version + 1 WHERE name = ?").params(name).update();
    }

    /** Every counter by name: one small primary-key read. */
    public Map<String, Long> read() {
        return jdbc.sql("SELECT name, version FROM content_version")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
