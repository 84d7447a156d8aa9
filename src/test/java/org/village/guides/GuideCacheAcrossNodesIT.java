package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.guides.Guides.GuideEdit;

/**
 * Each node caches rendered guides and the jargon buster. A change made on another node is simulated by
 * writing to the database as that node would (the change and the raised counter in one statement batch);
 * this node must drop its stale cache at its next look, and not before the counter moves.
 */
class GuideCacheAcrossNodesIT extends IntegrationTest {

    @Autowired
    GuideService guides;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    private Object checkEvery;

    @BeforeEach
    void lookEveryTime() {
        // the portal looks every 2 s; here at every call, so the test needs no waiting
        Object target = AopTestUtils.getTargetObject(guides);
        checkEvery = ReflectionTestUtils.getField(target, "checkEveryNanos");
        ReflectionTestUtils.setField(target, "checkEveryNanos", 0L);
    }

    @AfterEach
    void restore() {
        Object target = AopTestUtils.getTargetObject(guides);
        ReflectionTestUtils.setField(target, "checkEveryNanos", checkEvery);
        users.anonymous();
    }

    @Test
    void aGuidePublishedOnAnotherNodeReplacesTheCachedPageHere() {
        users.as("worker.sam");
        String slug = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        long id = guides.create(new GuideEdit(slug, "looking-after-yourself", "guide", "Taking a break",
                "How to rest when things are hard.", "Rest when you can.", List.of(), LocalDate.of(2026, 11, 1)));
        guides.publish(id, 0, false);
        users.anonymous();
        assertThat(guides.page(slug).orElseThrow().html()).contains("Rest when you can.");

        // another node publishes new words, without raising the counter: this node keeps its cached page
        jdbc.sql("UPDATE guide SET pub_body = 'Drink some water first.' WHERE id = ?").params(id).update();
        assertThat(guides.page(slug).orElseThrow().html()).as("served from this node's cache")
                .contains("Rest when you can.");

        // ...and now as the portal does it, raising the counter in the same transaction
        jdbc.sql("UPDATE content_version SET version = version + 1 WHERE name = 'guides'").update();
        assertThat(guides.page(slug).orElseThrow().html()).contains("Drink some water first.")
                .doesNotContain("Rest when you can.");
    }

    @Test
    void aTermAddedOnAnotherNodeIsExplainedHereAfterItsNextLook() {
        String term = "Cachetest " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(guides.glossary()).noneMatch(t -> t.term().equals(term));
        jdbc.sql("INSERT INTO glossary_term (term, meaning, for_you, also_known_as, published, updated_at, version) "
                + "VALUES (?, 'A word used only by this test.', 'Nothing for you to do.', '', TRUE, NOW(6), 0)")
                .params(term).update();
        assertThat(guides.glossary()).as("the counter has not moved").noneMatch(t -> t.term().equals(term));
        jdbc.sql("UPDATE content_version SET version = version + 1 WHERE name = 'glossary'").update();
        assertThat(guides.glossary()).anyMatch(t -> t.term().equals(term));
        jdbc.sql("DELETE FROM glossary_term WHERE term = ?").params(term).update();
        jdbc.sql("UPDATE content_version SET version = version + 1 WHERE name = 'glossary'").update();
    }

    @Test
    void publishingHereRaisesTheCounterForTheOtherNodes() {
        long before = jdbc.sql("SELECT version FROM content_version WHERE name = 'guides'").query(Long.class).single();
        users.as("worker.sam");
        String slug = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        long id = guides.create(new GuideEdit(slug, "looking-after-yourself", "guide", "A short rest",
                "How to rest.", "Sit down for a while.", List.of(), LocalDate.of(2026, 11, 1)));
        long v = guides.publish(id, 0, false);
        guides.unpublish(id, v);
        assertThat(jdbc.sql("SELECT version FROM content_version WHERE name = 'guides'").query(Long.class).single())
                .isEqualTo(before + 2);
    }
}
