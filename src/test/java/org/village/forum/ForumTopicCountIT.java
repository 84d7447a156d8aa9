package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;

/**
 * Decision 048: the per-category topic counts (V40's triggers) always equal counting the topics, after new topics,
 * replies, approvals, hiding and moves, and when many of these happen at once on several threads (as on several
 * nodes): two moderators moving topics in opposite directions between the same two categories at the same moment do
 * not deadlock, and no count drifts.
 */
class ForumTopicCountIT extends IntegrationTest {

    @Autowired ForumService forum;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category(String code) {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = ?").param(code).query(Long.class).single();
    }

    /** The kept counts and the counted ones, per category and status. */
    private void assertCountsAreExact() {
        Map<String, String> kept = jdbc.sql("SELECT category_id, status, topics, posts FROM forum_topic_count WHERE topics <> 0 OR posts <> 0")
                .query((rs, n) -> Map.entry(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> counted = jdbc.sql("SELECT category_id, status, COUNT(*), SUM(reply_count + 1) FROM forum_topic GROUP BY category_id, status")
                .query((rs, n) -> Map.entry(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(kept).isEqualTo(counted);
    }

    /** A new member of their own, so no test runs into another's rate limits. */
    private String fresh() {
        String name = "tc." + UUID.randomUUID().toString().substring(0, 8);
        org.village.TestAccounts.copy(jdbc, "parent.a", name, "Member " + TestText.letters(6), "PARENT");
        return name;
    }

    private Forum.Saved topic(String code) {
        users.as(fresh());
        String title = TestText.unique("Counts");
        return forum.startTopic(new NewTopic(category(code), title, "Something about " + title.toLowerCase() + " today.",
                UUID.randomUUID().toString()));
    }

    @Test
    void keptCountsEqualCountingAfterEveryKindOfChange() {
        users.as("worker.sam");
        long before = forum.topics(category("brothers-and-sisters"), 1).orElseThrow().category().topics();
        var a = topic("brothers-and-sisters");
        assertThat(a.status()).isEqualTo(PostStatus.PENDING);
        assertCountsAreExact();
        users.as("worker.sam");
        assertThat(forum.moderate(a.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();
        users.as(fresh());
        long seen = forum.topics(category("brothers-and-sisters"), 1).orElseThrow().category().topics();
        forum.reply(new NewReply(a.topicId(), "Same here, my younger one copies everything his brother does.", null,
                UUID.randomUUID().toString()));
        assertCountsAreExact();

        users.as("worker.sam");
        assertThat(forum.topics(category("brothers-and-sisters"), 1).orElseThrow().category().topics()).isEqualTo(before + 1);
        forum.move(a.topicId(), category("looking-after-yourself"));
        assertCountsAreExact();
        assertThat(forum.moderate(a.postId(), PostStatus.PUBLISHED, PostStatus.HIDDEN, "test")).isTrue();
        assertCountsAreExact();
        users.as(fresh());
        assertThat(forum.topics(category("brothers-and-sisters"), 1).orElseThrow().category().topics()).isEqualTo(seen - 1);
        assertThat(forum.categories()).filteredOn(c -> c.id() == category("brothers-and-sisters"))
                .singleElement().satisfies(c -> assertThat(c.topics()).isEqualTo(seen - 1));
    }

    @Test
    void movesInOppositeDirectionsAtOnceNeitherDeadlockNorDrift() throws Exception {
        var here = new ArrayList<Long>();
        var there = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            here.add(topic("services-and-meetings").topicId());
            there.add(topic("police-and-court").topicId());
        }
        long x = category("services-and-meetings");
        long y = category("police-and-court");
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < here.size(); round++) {
                var barrier = new CyclicBarrier(2);
                long one = here.get(round);
                long other = there.get(round);
                List<Future<?>> both = new ArrayList<>();
                both.add(pool.submit(() -> moveAsModerator(barrier, one, y)));
                both.add(pool.submit(() -> moveAsModerator(barrier, other, x)));
                for (var f : both) {
                    f.get(); // a deadlock would surface here as an exception
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertCountsAreExact();
    }

    private Void moveAsModerator(CyclicBarrier barrier, long topicId, long to) throws Exception {
        users.as("worker.sam");
        try {
            barrier.await();
            forum.move(topicId, to);
            return null;
        } finally {
            users.anonymous();
        }
    }
}
