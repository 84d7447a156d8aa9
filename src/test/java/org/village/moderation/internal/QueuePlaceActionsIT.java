package org.village.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.ModeratedContent.PlaceAction;
import org.village.moderation.ModerationDesk;
import org.village.moderation.Subject;
import org.village.shared.InputProblem;

/**
 * Issue 10: "lock, move or pin a topic" from the moderation queue, not only on the topic page. From a case about a
 * post, a moderator sees the post's topic and closes it to replies, pins it and moves it, through the same service
 * checks and with the same audit lines as on the topic page; a member can do none of it, by service call; a forged
 * case id is a kind problem.
 */
class QueuePlaceActionsIT extends IntegrationTest {

    @Autowired ForumService forum;
    @Autowired ModerationDesk desk;
    @Autowired CaseStore cases;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category(String code) {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = ?").param(code).query(Long.class).single();
    }

    private int audited(String action, long topicId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log a JOIN user_account u ON u.id = a.actor_id"
                        + " WHERE a.action = ? AND a.target = ? AND u.username = 'worker.sam'")
                .params(action, "forum-topic:" + topicId).query(Integer.class).single();
    }

    @Test
    void aModeratorLocksPinsAndMovesTheTopicFromTheQueueAndAMemberCannot() {
        String author = "pq." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, "parent.a", author, "Member " + author.substring(3), "PARENT");
        users.as(author);
        String title = TestText.unique("Queue tools");
        var saved = forum.startTopic(new NewTopic(category("introductions"), title, "Hello, I am new here. " + title,
                UUID.randomUUID().toString()));
        assertThat(saved.status()).isEqualTo(PostStatus.PENDING);
        long caseId = cases.openCase(Subject.forumPost(saved.postId()), CaseKind.PENDING).orElseThrow().id();
        long topicId = saved.topicId();

        // a member: not by service call, whatever the case id
        assertThatThrownBy(() -> desk.placeOf(caseId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.actOnPlace(caseId, PlaceAction.LOCK, 0)).isInstanceOf(AccessDeniedException.class);

        users.as("worker.sam");
        var place = desk.placeOf(caseId).orElseThrow();
        assertThat(place.id()).isEqualTo(topicId);
        assertThat(place.name()).isEqualTo(title);
        assertThat(place.locked()).isFalse();
        assertThat(place.pinned()).isFalse();
        assertThat(place.groupId()).isEqualTo(category("introductions"));
        assertThat(place.groups()).extracting(g -> g.id()).contains(category("police-and-court"));

        desk.actOnPlace(caseId, PlaceAction.LOCK, 0);
        desk.actOnPlace(caseId, PlaceAction.PIN, 0);
        desk.actOnPlace(caseId, PlaceAction.MOVE, category("police-and-court"));
        place = desk.placeOf(caseId).orElseThrow();
        assertThat(place.locked()).isTrue();
        assertThat(place.pinned()).isTrue();
        assertThat(place.groupId()).isEqualTo(category("police-and-court"));
        assertThat(audited("forum.topic-locked", topicId)).isEqualTo(1);
        assertThat(audited("forum.topic-pinned", topicId)).isEqualTo(1);
        assertThat(audited("forum.topic-moved", topicId)).isEqualTo(1);

        // the lock holds for replies, as when it is closed on the topic page
        forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null);
        users.as("parent.b");
        assertThatThrownBy(() -> forum.reply(new NewReply(topicId, "Welcome to the group, glad you found us.", null,
                UUID.randomUUID().toString()))).isInstanceOf(InputProblem.class)
                .satisfies(e -> assertThat(((InputProblem) e).key()).isEqualTo("forum.problem.locked"));

        users.as("worker.sam");
        desk.actOnPlace(caseId, PlaceAction.UNLOCK, 0);
        desk.actOnPlace(caseId, PlaceAction.UNPIN, 0);
        place = desk.placeOf(caseId).orElseThrow();
        assertThat(place.locked()).isFalse();
        assertThat(place.pinned()).isFalse();
        assertThat(audited("forum.topic-unlocked", topicId)).isEqualTo(1);

        // a category that is not there, and a case that is not there: kind problems, nothing changed
        assertThatThrownBy(() -> desk.actOnPlace(caseId, PlaceAction.MOVE, 987_654_321L)).isInstanceOf(InputProblem.class);
        assertThat(desk.placeOf(caseId).orElseThrow().groupId()).isEqualTo(category("police-and-court"));
        assertThat(desk.placeOf(987_654_321L)).isEmpty();
        assertThatThrownBy(() -> desk.actOnPlace(987_654_321L, PlaceAction.LOCK, 0)).isInstanceOf(InputProblem.class);
    }
}
