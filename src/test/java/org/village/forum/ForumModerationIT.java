package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;

/**
 * Pre-moderation works end to end (issue 10): a moderator sees what waits, approves it once (a second moderator is
 * told someone was first), the writer is told, and replies reach the topic's starter, the quoted writer and the
 * followers once each, never the reply's own writer.
 */
class ForumModerationIT extends IntegrationTest {

    @Autowired
    ForumService forum;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    private int told(String username, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification n JOIN user_account a ON a.id = n.account_id "
                + "WHERE a.username = ? AND n.text_key = ?").params(username, key).query(Integer.class).single();
    }

    private String freshParent() {
        String name = "fm." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, "parent.b", name, "Newcomer " + name.substring(3), "PARENT");
        return name;
    }

    @Test
    void aModeratorSeesWhatWaitsApprovesItOnceAndTheWriterIsTold() {
        String newcomer = freshParent();
        users.as(newcomer);
        var saved = forum.startTopic(new NewTopic(category(), "First time here", "Hello, I am new.", UUID.randomUUID().toString()));
        assertThat(saved.status()).isEqualTo(PostStatus.PENDING);

        users.as("parent.a");
        assertThatThrownBy(() -> forum.waitingForModerator(20)).isInstanceOf(AccessDeniedException.class);
        assertThat(forum.canModerate()).isFalse();
        assertThatThrownBy(() -> forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null))
                .isInstanceOf(AccessDeniedException.class);

        users.as("worker.sam");
        assertThat(forum.canModerate()).isTrue();
        var waiting = forum.waitingForModerator(200);
        assertThat(waiting.first()).anySatisfy(w -> {
            assertThat(w.postId()).isEqualTo(saved.postId());
            assertThat(w.topicTitle()).isEqualTo("First time here");
        });
        assertThat(waiting.total()).isGreaterThanOrEqualTo(waiting.first().size());
        assertThat(forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();

        users.as("peer.jo");
        assertThat(forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null))
                .as("the second moderator is told someone was first").isFalse();
        assertThat(forum.waitingForModerator(200).first()).noneMatch(w -> w.postId() == saved.postId());

        await().atMost(Duration.ofSeconds(10)).until(() -> told(newcomer, "notification.forum.approved") == 1);
        users.as("parent.a");
        assertThat(forum.topic(saved.topicId(), 1).orElseThrow().posts()).hasSize(1);
    }

    @Test
    void aReplyReachesTheStarterTheQuotedWriterAndFollowersOnceButNotItsOwnWriter() {
        users.as("parent.a");
        var topic = forum.startTopic(new NewTopic(category(), "Court next week", "Any tips?", UUID.randomUUID().toString()));
        assertThat(topic.status()).isEqualTo(PostStatus.PUBLISHED);
        users.as("parent.b");
        forum.followTopic(topic.topicId(), true);
        int startedBefore = told("parent.a", "notification.forum.reply");
        int followerBefore = told("parent.b", "notification.forum.reply");

        users.as("parent.b");
        var reply = forum.reply(new NewReply(topic.topicId(), "Take a friend with you.", null, UUID.randomUUID().toString()));
        assertThat(reply.status()).isEqualTo(PostStatus.PUBLISHED);
        await().atMost(Duration.ofSeconds(10)).until(() -> told("parent.a", "notification.forum.reply") == startedBefore + 1);
        // the follower wrote the reply: never told about their own words
        assertThat(told("parent.b", "notification.forum.reply")).isEqualTo(followerBefore);

        users.as("parent.a");
        var answer = forum.reply(new NewReply(topic.topicId(), "Thank you.", reply.postId(), UUID.randomUUID().toString()));
        assertThat(answer.status()).isEqualTo(PostStatus.PUBLISHED);
        // parent.b follows and is quoted: told once
        await().atMost(Duration.ofSeconds(10)).until(() -> told("parent.b", "notification.forum.reply") == followerBefore + 1);
        assertThat(told("parent.a", "notification.forum.reply")).isEqualTo(startedBefore + 1);
    }
}
