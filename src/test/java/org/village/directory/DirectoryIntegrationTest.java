package org.village.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.shared.Times;

/**
 * The lead's integration base (whole app, demo profile, fresh embedded MariaDB, one shared context) with
 * helpers for the directory's tests: act as a demo account, find sample families, count audit rows.
 */
public abstract class DirectoryIntegrationTest extends IntegrationTest {

    @Autowired
    protected TestUsers users;
    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    /** Acts as this demo account for the rest of the test (services read the SecurityContext). */
    protected void signIn(String username) {
        users.as(username);
    }

    protected long familyId(String label) {
        return jdbc.sql("SELECT id FROM family WHERE label = ?").param(label).query(Long.class).single();
    }

    /** A child of the two sample families by name (other tests make their own families, with the same first names too). */
    protected long childId(String name) {
        return jdbc.sql("SELECT c.id FROM child c JOIN family f ON f.id = c.family_id WHERE c.name = ? AND f.label IN (?, ?)")
                .params(name, "Family A (sample)", "Family B (sample)").query(Long.class).single();
    }

    protected int auditCount(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?").params(action, target)
                .query(Integer.class).single();
    }

    /**
     * Waits (at most 10 s) until this many audit rows exist: rows written by event listeners (decision 066) come
     * just after the change is committed, on another thread.
     */
    protected void awaitAuditCount(String action, String target, int expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(auditCount(action, target))
                        .isEqualTo(expected));
    }

    /** A wall-clock time in Bristol, as an instant. */
    protected static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Times.ZONE).toInstant();
    }
}
