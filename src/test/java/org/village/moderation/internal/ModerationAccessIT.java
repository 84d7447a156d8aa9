package org.village.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.TestText;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.ModeratedContent.Action;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationQueue;
import org.village.moderation.ReportReason;
import org.village.moderation.Subject;

/**
 * Who may use the moderation queue, checked in the service (the page is refused by address in
 * ModerationJourneyIT): parents and people signed out may not list, open or act on cases, nor learn which family an
 * account belongs to; a peer supporter moderates without ever seeing families; nobody but moderators and the writer
 * sees a held or hidden post; a member reports only what they can read.
 */
class ModerationAccessIT extends IntegrationTest {

    @Autowired
    ModerationDesk desk;
    @Autowired
    ModerationQueue queue;
    @Autowired
    ForumService forum;
    @Autowired
    CaseStore store;
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

    @Test
    void parentsAndStrangersCannotUseTheQueueOrLearnFamilies() {
        String name = "ma." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, "parent.a", name, "Member " + name.substring(3), "PARENT");
        users.as(name);
        var post = forum.startTopic(new NewTopic(category(), TestText.unique("Access"), "Waiting words",
                UUID.randomUUID().toString()));
        long caseId = store.openCase(Subject.forumPost(post.postId()), CaseKind.PENDING).orElseThrow().id();

        for (String who : List.of("parent.a", "parent.b")) {
            users.as(who);
            assertThat(desk.canModerate()).isFalse();
            List<Runnable> calls = List.of(
                    () -> desk.counts(),
                    () -> desk.queue(CaseKind.PENDING, 10),
                    () -> desk.detail(caseId),
                    () -> desk.decide(caseId, "PENDING", Action.APPROVE, null, null),
                    () -> desk.approveAll(List.of(new ModerationDesk.Pick(caseId, "PENDING"))),
                    () -> desk.addNote(caseId, "note"),
                    () -> desk.warn(caseId, "why"),
                    () -> desk.silence(caseId, Duration.ofDays(1), "why"),
                    () -> desk.suspend(caseId, 1, "why"),
                    () -> desk.casesAbout(Subject.forumPost(post.postId())),
                    () -> queue.counts(),
                    () -> queue.recent(CaseKind.PENDING, 10));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
            }
            // the waiting post of someone else is not there for them, by id or in its topic
            assertThat(forum.post(post.postId())).isEmpty();
            assertThat(forum.topic(post.topicId(), 1)).isEmpty();
            // and they cannot report what they cannot read
            assertThatThrownBy(() -> desk.report(Subject.forumPost(post.postId()), ReportReason.SPAM, null))
                    .hasFieldOrPropertyWithValue("key", "moderation.problem.gone");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND target = 'moderation:queue'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);

        users.anonymous();
        assertThatThrownBy(() -> desk.counts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.report(Subject.forumPost(post.postId()), ReportReason.SPAM, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.find(caseId).orElseThrow().open()).as("nothing changed").isTrue();
        assertThat(jdbc.sql("SELECT status FROM forum_post WHERE id = ?").param(post.postId()).query(String.class).single())
                .isEqualTo("PENDING");

        // a peer supporter moderates but never sees which family a member belongs to
        users.as("peer.jo");
        assertThat(desk.detail(caseId).orElseThrow().family()).isEmpty();
        // a worker who looks after this family does; one who does not, does not
        users.as("worker.sam");
        assertThat(desk.detail(caseId).orElseThrow().family()).isPresent();
        users.as("worker.alex");
        assertThat(desk.detail(caseId).orElseThrow().family()).isEmpty();
    }

    @Test
    void aHiddenPostIsSeenOnlyByModerators() {
        users.as("parent.a");
        var post = forum.startTopic(new NewTopic(category(), TestText.unique("Hidden"), "Words to hide",
                UUID.randomUUID().toString()));
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
        users.as("parent.b");
        desk.report(Subject.forumPost(post.postId()), ReportReason.UNKIND, null);
        long caseId = store.openCase(Subject.forumPost(post.postId()), CaseKind.REPORTED).orElseThrow().id();
        users.as("worker.alex");
        assertThat(desk.decide(caseId, "PUBLISHED", Action.HIDE, "Unkind words", null)).isEqualTo(ModerationDesk.Result.DONE);

        users.as("parent.b");
        assertThat(forum.post(post.postId())).isEmpty();
        assertThat(forum.topic(post.topicId(), 1)).isEmpty();
        users.as("peer.jo");
        assertThat(forum.post(post.postId())).isPresent();
    }
}
