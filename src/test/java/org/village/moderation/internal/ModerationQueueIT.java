package org.village.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.village.MovableClock;
import org.village.TestText;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.CaseLine;
import org.village.moderation.ModeratedContent;
import org.village.moderation.ModeratedContent.Action;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationDesk.Result;
import org.village.moderation.ReportReason;
import org.village.moderation.RiskKind;
import org.village.moderation.Subject;
import org.village.moderation.UrgentRaised;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;

/**
 * The moderation queue end to end (issue 10): cases open once per item and kind, every moderator's action, two
 * moderators on one item, the audit trail, reports hiding a post after three different members (not one member three
 * times), reporters told the outcome, and silence and suspension keeping a member from posting until time passes.
 */
@RecordApplicationEvents
class ModerationQueueIT extends IntegrationTest {

    @Autowired
    ForumService forum;
    @Autowired
    ModerationDesk desk;
    @Autowired
    Queue queue;
    @Autowired
    CaseStore store;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuditLog audit;
    @Autowired
    Notifications notifications;
    @Autowired
    ObjectProvider<ModeratedContent> contents;
    @Autowired
    Clock portalClock;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    private String freshParent(String from) {
        String name = "mq." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, from, name, "Member " + name.substring(3), "PARENT");
        return name;
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
    }

    private int told(String username, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification n JOIN user_account a ON a.id = n.account_id "
                + "WHERE a.username = ? AND n.text_key = ?").params(username, key).query(Integer.class).single();
    }

    private int audited(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?").params(action, target)
                .query(Integer.class).single();
    }

    private PostStatus status(long postId) {
        return PostStatus.valueOf(jdbc.sql("SELECT status FROM forum_post WHERE id = ?").param(postId).query(String.class).single());
    }

    private org.village.forum.Forum.Saved pendingPost(String author, String title) {
        users.as(author);
        var saved = forum.startTopic(new NewTopic(category(), title, "Hello, I am new here. " + title, UUID.randomUUID().toString()));
        assertThat(saved.status()).isEqualTo(PostStatus.PENDING);
        return saved;
    }

    private long caseOf(long postId, CaseKind kind) {
        return store.openCase(Subject.forumPost(postId), kind).orElseThrow().id();
    }

    @Test
    void raisingTwiceKeepsOneOpenCaseAndUrgentIsAnnounced() throws Exception {
        String author = freshParent("parent.a");
        var saved = pendingPost(author, TestText.unique("Raise twice"));
        var subject = Subject.forumPost(saved.postId());
        long pending = caseOf(saved.postId(), CaseKind.PENDING);
        assertThat(queue.raise(subject, id(author), CaseKind.PENDING, "again", null)).isEqualTo(pending);

        // two writers raise the same urgent case at once: one case, one announcement
        var pool = Executors.newFixedThreadPool(2);
        var barrier = new CyclicBarrier(2);
        try {
            List<Future<Long>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    barrier.await();
                    return queue.raise(subject, id(author), CaseKind.URGENT, "risk phrase", RiskKind.SELF_HARM);
                }));
            }
            assertThat(both.get(0).get()).isEqualTo(both.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM moderation_case WHERE subject_kind = ? AND subject_id = ? AND kind = 'URGENT'")
                .params(subject.kind(), subject.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(UrgentRaised.class).filter(e -> e.subject().equals(subject))).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(RiskKind.SELF_HARM));

        users.as("worker.sam");
        var counts = desk.counts();
        assertThat(counts.urgent()).isGreaterThanOrEqualTo(1);
        assertThat(counts.pending()).isGreaterThanOrEqualTo(1);
        assertThat(queue.recent(CaseKind.URGENT, 200)).extracting(CaseLine::subject).contains(subject);
        // approving settles every open case about the post
        assertThat(forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();
        assertThat(store.openFor(subject)).isEmpty();
        // once closed, a new case may open again for the same item
        assertThat(queue.raise(subject, id(author), CaseKind.URGENT, "again", RiskKind.THREAT)).isNotEqualTo(both(subject));
    }

    private long both(Subject subject) {
        return jdbc.sql("SELECT MIN(id) FROM moderation_case WHERE subject_kind = ? AND subject_id = ? AND kind = 'URGENT'")
                .params(subject.kind(), subject.id()).query(Long.class).single();
    }

    @Test
    void twoModeratorsApprovingAtOnceOneWinsTheOtherIsToldAndTheAuditSaysWho() throws Exception {
        String author = freshParent("parent.a");
        var saved = pendingPost(author, TestText.unique("Two moderators"));
        long caseId = caseOf(saved.postId(), CaseKind.PENDING);

        users.as("worker.sam");
        assertThat(desk.queue(CaseKind.PENDING, 200)).anySatisfy(l -> assertThat(l.caseId()).isEqualTo(caseId));
        var detail = desk.detail(caseId).orElseThrow();
        assertThat(detail.item().state()).isEqualTo("PENDING");
        assertThat(detail.item().body()).contains("Two moderators");
        assertThat(detail.family()).as("worker.sam looks after Family A").isPresent();

        var pool = Executors.newFixedThreadPool(2);
        var barrier = new CyclicBarrier(2);
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (String who : List.of("worker.sam", "peer.jo")) {
                Callable<Result> act = () -> {
                    users.as(who);
                    try {
                        barrier.await();
                        return desk.decide(caseId, "PENDING", Action.APPROVE, null, null);
                    } finally {
                        users.anonymous();
                    }
                };
                results.add(pool.submit(act));
            }
            var got = List.of(results.get(0).get(), results.get(1).get());
            assertThat(got).containsExactlyInAnyOrder(Result.DONE, Result.ALREADY_CHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(saved.postId())).isEqualTo(PostStatus.PUBLISHED);
        assertThat(store.find(caseId).orElseThrow().open()).isFalse();
        String target = "forum-post:" + saved.postId();
        assertThat(audited("moderation.approve", target)).isEqualTo(1);
        assertThat(audited("moderation.case-closed", target)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'moderation.approve' AND target = ?").param(target)
                .query(String.class).single()).contains("PENDING to PUBLISHED");
        await().atMost(Duration.ofSeconds(10)).until(() -> told(author, "notification.forum.approved") == 1);
    }

    @Test
    void bulkApprovalApprovesEachPickedPostOnceAndSkipsOnesAlreadyDealtWith() {
        String author = freshParent("parent.a");
        var a = pendingPost(author, TestText.unique("Bulk one"));
        var b = pendingPost(author, TestText.unique("Bulk two"));
        long caseA = caseOf(a.postId(), CaseKind.PENDING);
        long caseB = caseOf(b.postId(), CaseKind.PENDING);

        users.as("peer.jo");
        // someone else approved the second one on the topic page a moment before
        assertThat(forum.moderate(b.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();
        users.as("worker.sam");
        int done = desk.approveAll(List.of(new ModerationDesk.Pick(caseA, "PENDING"), new ModerationDesk.Pick(caseB, "PENDING")));
        assertThat(done).isEqualTo(1);
        assertThat(status(a.postId())).isEqualTo(PostStatus.PUBLISHED);
        assertThat(status(b.postId())).isEqualTo(PostStatus.PUBLISHED);
        assertThat(store.find(caseA).orElseThrow().open()).isFalse();
        assertThat(store.find(caseB).orElseThrow().open()).as("closed by the approval on the topic page").isFalse();
        assertThat(audited("moderation.approve", "forum-post:" + a.postId())).isEqualTo(1);
        assertThat(audited("moderation.approve", "forum-post:" + b.postId())).isZero();
    }

    @Test
    void hideEditDeleteWarnAndNotesEachLeaveATrailAndNothingIsHardDeleted() {
        String author = freshParent("parent.a");
        var a = pendingPost(author, TestText.unique("Hide me"));
        var b = pendingPost(author, TestText.unique("Edit me"));
        var c = pendingPost(author, TestText.unique("Delete me"));
        long caseA = caseOf(a.postId(), CaseKind.PENDING);
        long caseB = caseOf(b.postId(), CaseKind.PENDING);
        long caseC = caseOf(c.postId(), CaseKind.PENDING);

        users.as("peer.jo");
        assertThatThrownBy(() -> desk.decide(caseA, "PENDING", Action.HIDE, "  ", null))
                .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "moderation.problem.noReasonText");
        assertThat(desk.decide(caseA, "PENDING", Action.HIDE, "It named a school <script>alert(1)</script>", null))
                .isEqualTo(Result.DONE);
        assertThat(status(a.postId())).isEqualTo(PostStatus.HIDDEN);
        assertThat(told(author, "notification.moderation.hidden")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT text_args FROM notification n JOIN user_account u ON u.id = n.account_id"
                        + " WHERE u.username = ? AND n.text_key = 'notification.moderation.hidden'").param(author)
                .query(String.class).single()).contains("It named a school");
        // a stale second decision changes nothing
        assertThat(desk.decide(caseA, "PENDING", Action.DELETE, "again", null)).isEqualTo(Result.ALREADY_CHANGED);

        assertThat(desk.decide(caseB, "PENDING", Action.EDIT, "Took out a surname", "Hello, I am new here.")).isEqualTo(Result.DONE);
        assertThat(jdbc.sql("SELECT body FROM forum_post WHERE id = ?").param(b.postId()).query(String.class).single())
                .isEqualTo("Hello, I am new here.");
        assertThat(jdbc.sql("SELECT note FROM forum_post_revision WHERE post_id = ?").param(b.postId()).query(String.class).single())
                .isEqualTo("Took out a surname");
        assertThat(store.find(caseB).orElseThrow().open()).isFalse();

        assertThat(desk.decide(caseC, "PENDING", Action.DELETE, "Advert", null)).isEqualTo(Result.DONE);
        assertThat(status(c.postId())).as("soft delete: the row stays").isEqualTo(PostStatus.DELETED);

        desk.warn(caseC, "Please keep adverts out of the forum");
        assertThat(told(author, "notification.moderation.warned")).isEqualTo(1);
        desk.addNote(caseC, "Spoke to them on the phone; <b>kind</b> reply.");
        var detail = desk.detail(caseC).orElseThrow();
        assertThat(detail.notes()).singleElement().satisfies(n -> assertThat(n.body()).contains("Spoke to them"));
        assertThat(detail.sanctions()).extracting(ModerationDesk.Sanction::kind).containsExactly("WARN");
        assertThat(detail.history()).extracting(i -> i.subject().id()).contains(a.postId(), b.postId());
        assertThat(detail.family()).as("a peer supporter never sees families").isEmpty();

        String account = "account:" + id(author);
        assertThat(audited("moderation.hide", "forum-post:" + a.postId())).isEqualTo(1);
        assertThat(audited("moderation.edit", "forum-post:" + b.postId())).isEqualTo(1);
        assertThat(audited("moderation.delete", "forum-post:" + c.postId())).isEqualTo(1);
        assertThat(audited("moderation.warn", account)).isEqualTo(1);
        assertThat(audited("moderation.note", account)).isEqualTo(1);
    }

    @Test
    void threeDifferentMembersHideAPostOneMemberThreeTimesDoesNotAndReportersHearTheOutcome() {
        users.as("parent.a");
        var post = forum.startTopic(new NewTopic(category(), TestText.unique("Reported"), "Something people dislike.",
                UUID.randomUUID().toString()));
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
        var subject = Subject.forumPost(post.postId());
        String first = freshParent("parent.b");
        String second = freshParent("parent.b");
        String third = freshParent("parent.b");

        users.as("parent.a");
        assertThatThrownBy(() -> desk.report(subject, ReportReason.UNKIND, null))
                .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "moderation.problem.ownPost");

        users.as(first);
        assertThat(desk.report(subject, ReportReason.UNKIND, "It is unkind </script><script>x</script>"))
                .isEqualTo(ModerationDesk.Reported.THANKS);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> desk.report(subject, ReportReason.SPAM, null))
                    .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "moderation.problem.alreadyReported");
        }
        assertThat(status(post.postId())).as("one member three times is one report").isEqualTo(PostStatus.PUBLISHED);
        assertThatThrownBy(() -> desk.report(subject, ReportReason.OTHER, "x".repeat(ModerationDesk.REPORT_TEXT_MAX + 1)))
                .isInstanceOf(InputProblem.class);

        users.as(second);
        assertThat(desk.report(subject, ReportReason.NOT_SAFE, null)).isEqualTo(ModerationDesk.Reported.THANKS);
        users.as(third);
        assertThat(desk.report(subject, ReportReason.PERSONAL_DETAILS, null)).isEqualTo(ModerationDesk.Reported.HIDDEN_NOW);
        assertThat(status(post.postId())).isEqualTo(PostStatus.HIDDEN);
        assertThat(audited("moderation.auto-hidden", "forum-post:" + post.postId())).isEqualTo(1);

        users.as("parent.b");
        assertThat(forum.post(post.postId())).as("a fourth reader no longer sees it").isEmpty();

        users.as("worker.alex");
        long caseId = caseOf(post.postId(), CaseKind.REPORTED);
        assertThat(desk.queue(CaseKind.REPORTED, 200)).anySatisfy(l -> {
            assertThat(l.caseId()).isEqualTo(caseId);
            assertThat(l.reports()).isEqualTo(3);
        });
        var detail = desk.detail(caseId).orElseThrow();
        assertThat(detail.reports()).extracting(ModerationDesk.Report::reason)
                .containsExactly(ReportReason.UNKIND, ReportReason.NOT_SAFE, ReportReason.PERSONAL_DETAILS);
        // the moderator decides it can stay: it is published again and every reporter hears, once
        assertThat(desk.decide(caseId, "HIDDEN", Action.APPROVE, null, null)).isEqualTo(Result.DONE);
        assertThat(status(post.postId())).isEqualTo(PostStatus.PUBLISHED);
        for (String reporter : List.of(first, second, third)) {
            assertThat(told(reporter, "notification.moderation.reportKept")).isEqualTo(1);
        }
        assertThat(told("parent.a", "notification.moderation.reportKept")).isZero();
    }

    @Test
    void aSilencedMemberCannotPostUntilTheTimePasses() {
        String author = freshParent("parent.a");
        var saved = pendingPost(author, TestText.unique("Silence"));
        long caseId = caseOf(saved.postId(), CaseKind.PENDING);

        users.as("worker.sam");
        assertThatThrownBy(() -> desk.silence(caseId, Duration.ofMinutes(5), "Too short"))
                .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "moderation.problem.silenceLength");
        Instant until = desk.silence(caseId, Duration.ofHours(2), "Let things calm down");
        assertThat(told(author, "notification.moderation.silenced")).isEqualTo(1);

        users.as(author);
        String token = UUID.randomUUID().toString();
        assertThatThrownBy(() -> forum.startTopic(new NewTopic(category(), "While silenced", "Words", token)))
                .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "forum.problem.silenced");

        // the time passes on a clock that moves
        var clock = new MovableClock(portalClock.instant());
        var later = new Queue(store, clock, publisher, currentUser, audit, notifications, contents);
        assertThat(later.silencedUntil(id(author))).contains(until);
        clock.move(Duration.ofHours(2).plusMinutes(1));
        assertThat(later.silencedUntil(id(author))).isEmpty();
        // and for the portal's own clock: the silence is moved into the past
        jdbc.sql("UPDATE moderation_sanction SET until = DATE_SUB(until, INTERVAL 3 HOUR) WHERE account_id = ?")
                .param(id(author)).update();
        assertThat(forum.startTopic(new NewTopic(category(), "After the silence", "Words", token)).status())
                .isEqualTo(PostStatus.PENDING);
    }

    @Test
    void theSuspensionLadderGoesOneDaySevenDaysThenSwitchesTheAccountOff() {
        String author = freshParent("parent.a");
        var saved = pendingPost(author, TestText.unique("Ladder"));
        long caseId = caseOf(saved.postId(), CaseKind.PENDING);

        users.as("worker.sam");
        var detail = desk.detail(caseId).orElseThrow();
        assertThat(detail.nextStep()).isEqualTo(1);
        var one = desk.suspend(caseId, 1, "First time");
        assertThat(one.step()).isEqualTo(1);
        assertThatThrownBy(() -> desk.suspend(caseId, 1, "Someone else took it"))
                .isInstanceOf(InputProblem.class).hasFieldOrPropertyWithValue("key", "moderation.problem.stepTaken");
        var two = desk.suspend(caseId, 2, "Second time");
        assertThat(Duration.between(one.until(), two.until()).toDays()).isEqualTo(6);
        var three = desk.suspend(caseId, 3, "Third time");
        assertThat(three.switchedOff()).isTrue();
        assertThat(jdbc.sql("SELECT enabled FROM user_account WHERE username = ?").param(author).query(Boolean.class).single())
                .isFalse();
        assertThat(audited("moderation.switch-off", "account:" + id(author))).isEqualTo(1);
        assertThat(audited("account.disabled", "account:" + id(author))).isEqualTo(1);
    }

}
