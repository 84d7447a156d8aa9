package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.Forum.SearchHit;
import org.village.forum.internal.ForumIndex;
import org.village.forum.internal.ForumStore;
import org.village.security.AccountService;

class ForumSearchIT extends IntegrationTest {

    @Autowired
    ForumService forum;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ForumStore store;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category(String code) {
        return new ForumFixture(jdbc, users, accounts).category(code);
    }

    private Forum.Saved post(String who, String title, String body) {
        users.as(who);
        return forum.startTopic(new NewTopic(category("looking-after-yourself"), title, body, UUID.randomUUID().toString()));
    }

    @Test
    void misspelledWordsStillFindThePost() {
        var saved = post("parent.a", "Sleeping badly", "The hammock in the garden helps me with insomnia most nights.");
        forum.refreshSearch();
        users.as("parent.b");
        assertThat(forum.search("hammok", 10).hits()).extracting(SearchHit::postId).contains(saved.postId());
        assertThat(forum.search("insomnya garden", 10).hits()).extracting(SearchHit::postId).contains(saved.postId());
        assertThat(forum.search("hammock", 10).hits().getFirst().topicTitle()).isEqualTo("Sleeping badly");
    }

    @Test
    void veryCommonWordsAreSearchedToo() {
        var saved = post("parent.a", "The and the", "the the the and to of a zebracrossing");
        forum.refreshSearch();
        users.as("parent.b");
        assertThat(forum.search("the", 50).hits()).isNotEmpty();
        assertThat(forum.search("the zebracrossing", 10).hits()).extracting(SearchHit::postId).containsExactly(saved.postId());
    }

    @Test
    void onlyPostsTheReaderMaySeeAreFound() {
        String name = new ForumFixture(jdbc, users, accounts).newParent("search");

        var pending = post(name, "Waiting", "A xylophonewaiting post from someone new.");
        forum.refreshSearch();
        assertThat(forum.search("xylophonewaiting", 10).hits()).extracting(SearchHit::postId).containsExactly(pending.postId());
        users.as("parent.b");
        assertThat(forum.search("xylophonewaiting", 10).hits()).isEmpty();
        users.as("worker.sam");
        assertThat(forum.search("xylophonewaiting", 10).hits()).extracting(SearchHit::postId).containsExactly(pending.postId());

        // hidden after indexing: the database check keeps it out even before the index catches up
        var shown = post("parent.a", "Shown then hidden", "A quokkahidden story.");
        forum.refreshSearch();
        users.as("worker.sam");
        forum.moderate(shown.postId(), PostStatus.PUBLISHED, PostStatus.HIDDEN, "test");
        users.as("parent.b");
        assertThat(forum.search("quokkahidden", 10).hits()).isEmpty();
    }

    @Test
    void postsMadeAtOnceOnOneNodeAreAllFoundOnAnotherWithinFiveSeconds() throws Exception {
        // a second node's index: its own folder, fed only from the database
        try (var otherNode = new ForumIndex(store, 2000)) {
            otherNode.catchUp();
            users.as("parent.a");
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext();
            var ids = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                for (int i = 0; i < 8; i++) {
                    pool.submit(() -> {
                        org.springframework.security.core.context.SecurityContextHolder.setContext(auth);
                        ids.add(forum.startTopic(new NewTopic(category("introductions"), "Across nodes",
                                "A wombatnode post.", UUID.randomUUID().toString())).postId());
                        return null;
                    });
                }
            }
            var slots = ForumService.searchSlots("wombatnode");
            // the other node catches up as its own poll would, until it finds them all (within the five seconds)
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                otherNode.catchUp();
                return otherNode.search(slots, 50).size() >= ids.size();
            });
            assertThat(otherNode.search(slots, 50)).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
