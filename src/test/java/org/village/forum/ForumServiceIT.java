package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;
import org.village.forum.Forum.PostView;
import org.village.forum.Forum.Reaction;
import org.village.security.AccountService;
import org.village.shared.InputProblem;

@RecordApplicationEvents
class ForumServiceIT extends IntegrationTest {

    @Autowired
    ForumService forum;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long category(String code) {
        return new ForumFixture(jdbc, users, accounts).category(code);
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private Forum.Saved topicBy(String who, String title, String body) {
        users.as(who);
        return forum.startTopic(new NewTopic(category("introductions"), title, body, token()));
    }

    private List<PostView> posts(long topicId) {
        return forum.topic(topicId, 1).orElseThrow().posts();
    }

    /** A parent who has never posted, in Family B. */
    private String newParent() {
        return new ForumFixture(jdbc, users, accounts).newParent("forum");
    }

    @Test
    void anEstablishedParentsTopicIsPublishedAndAnotherParentRepliesQuotingIt() {
        var saved = topicBy("parent.a", "Waiting for a court date", "The date moved *again*.");
        assertThat(saved.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(events.stream(PostPublished.class).filter(e -> e.postId() == saved.postId())).hasSize(1);

        users.as("parent.b");
        String quote = forum.quote(saved.postId()).orElseThrow();
        assertThat(quote).startsWith("> **Sunflower** wrote:").contains("> The date moved *again*.");
        var reply = forum.reply(new NewReply(saved.topicId(), quote + "Same here, it is hard.", saved.postId(), token()));
        assertThat(reply.status()).isEqualTo(PostStatus.PUBLISHED);
        var replied = events.stream(ReplyPosted.class).filter(e -> e.postId() == reply.postId()).findFirst().orElseThrow();
        assertThat(replied.topicId()).isEqualTo(saved.topicId());
        assertThat(replied.quotedAuthorId()).isEqualTo(replied.topicAuthorId());

        var page = posts(saved.topicId());
        assertThat(page).extracting(PostView::authorName).containsExactly("Sunflower", "Robin");
        assertThat(page.getFirst().html()).contains("<em>again</em>");
        assertThat(page.get(1).html()).contains("<blockquote>").contains("<strong>Sunflower</strong> wrote:");
    }

    @Test
    void hostileTextIsKeptAsTextAndDirectionOverridesAreTakenOut() {
        var saved = topicBy("parent.a", "Odd \u202Etitle", "</script><script>x()</script> <img src=x onerror=alert(1)>"
                + " [click](javascript:alert(1)) right\u202Eto left");
        var post = posts(saved.topicId()).getFirst();
        assertThat(post.html()).doesNotContain("<script", "<img", "javascript:", "\u202E")
                .contains("&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(forum.topic(saved.topicId(), 1).orElseThrow().topic().title()).isEqualTo("Odd title");
    }

    @Test
    void emptyAndHugePostsAreRefusedKindly() {
        users.as("parent.a");
        assertThatThrownBy(() -> forum.startTopic(new NewTopic(category("introductions"), "A title", " \n ", token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.empty");
        assertThatThrownBy(() -> forum.startTopic(new NewTopic(category("introductions"), "A title", "x".repeat(20_001), token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.tooLong");
        assertThatThrownBy(() -> forum.startTopic(new NewTopic(category("introductions"), " ", "Hello", token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.noTitle");
    }

    @Test
    void editingWithinTheWindowKeepsTheEarlierVersionForModerators() {
        var saved = topicBy("parent.a", "My first try", "First words.");
        var post = posts(saved.topicId()).getFirst();
        assertThat(post.editableUntil()).isNotNull();
        forum.edit(saved.postId(), post.version(), "Second words.");

        // a stale page: the version the writer started from is gone
        assertThatThrownBy(() -> forum.edit(saved.postId(), post.version(), "From an old tab."))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.stale");
        assertThat(posts(saved.topicId()).getFirst().markdown()).isEqualTo("Second words.");

        // someone else's post cannot be edited: it reads as not there
        users.as("parent.b");
        assertThatThrownBy(() -> forum.edit(saved.postId(), post.version() + 1, "Not mine."))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.noPost");
        assertThatThrownBy(() -> forum.revisions(saved.postId())).isInstanceOf(AccessDeniedException.class);

        users.as("worker.sam");
        assertThat(forum.revisions(saved.postId())).extracting(Forum.Revision::body).containsExactly("First words.");

        // after the window it is refused
        jdbc.sql("UPDATE forum_post SET created_at = created_at - INTERVAL 31 MINUTE WHERE id = ?").param(saved.postId()).update();
        users.as("parent.a");
        var old = posts(saved.topicId()).getFirst();
        assertThat(old.editableUntil()).isNull();
        assertThatThrownBy(() -> forum.edit(saved.postId(), old.version(), "Too late."))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.editWindow");
    }

    @Test
    void aLockedTopicAndADeletedPostRefuseRepliesKindly() {
        var saved = topicBy("parent.a", "Lock me", "Hello.");
        users.as("parent.b");
        var second = forum.reply(new NewReply(saved.topicId(), "A reply.", null, token()));

        users.as("worker.sam");
        assertThat(forum.moderate(second.postId(), PostStatus.PUBLISHED, PostStatus.DELETED, "test")).isTrue();
        users.as("parent.a");
        assertThatThrownBy(() -> forum.reply(new NewReply(saved.topicId(), "Quoting it.", second.postId(), token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.quotedGone");

        users.as("worker.sam");
        forum.lock(saved.topicId(), true);
        users.as("parent.b");
        assertThatThrownBy(() -> forum.reply(new NewReply(saved.topicId(), "Still there?", null, token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.locked");
    }

    @Test
    void forgedIdsReadAsNotThere() {
        users.as("parent.a");
        assertThat(forum.topic(Long.MAX_VALUE, 1)).isEmpty();
        assertThat(forum.topics(Long.MAX_VALUE, 1)).isEmpty();
        assertThat(forum.quote(Long.MAX_VALUE)).isEmpty();
        assertThat(forum.pageOf(Long.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> forum.reply(new NewReply(Long.MAX_VALUE, "Hi", null, token())))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.noTopic");
        assertThatThrownBy(() -> forum.react(Long.MAX_VALUE, Reaction.HELPED, true))
                .isInstanceOf(InputProblem.class).extracting("key").isEqualTo("forum.problem.noPost");
    }

    @Test
    void nobodySignedOutGetsIn() {
        users.anonymous();
        assertThatThrownBy(() -> forum.categories()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> forum.search("court", 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> forum.topic(1, 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aNewMembersFirstPostsWaitThenTheirPostsAppearAtOnce() {
        String newcomer = newParent();
        var first = topicBy(newcomer, "Hello from a newcomer", "My first post.");
        assertThat(first.status()).isEqualTo(PostStatus.PENDING);
        assertThat(events.stream(PostPending.class).filter(e -> e.postId() == first.postId())).hasSize(1);
        assertThat(events.stream(PostPublished.class).filter(e -> e.postId() == first.postId())).isEmpty();

        // the author sees it, marked as waiting; another parent does not; a worker does
        assertThat(posts(first.topicId())).singleElement().extracting(PostView::status).isEqualTo(PostStatus.PENDING);
        users.as("parent.b");
        assertThat(forum.topic(first.topicId(), 1)).isEmpty();
        assertThat(forum.quote(first.postId())).isEmpty();
        users.as("worker.sam");
        assertThat(posts(first.topicId())).singleElement().extracting(PostView::markdown).isEqualTo("My first post.");

        // a moderator approves the first three; the fourth is published at once
        assertThat(forum.moderate(first.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();
        assertThat(events.stream(PostPublished.class).filter(e -> e.postId() == first.postId() && e.approved())).hasSize(1);
        for (int i = 2; i <= 3; i++) {
            users.as(newcomer);
            var next = forum.reply(new NewReply(first.topicId(), "Post " + i, null, token()));
            assertThat(next.status()).as("post " + i).isEqualTo(PostStatus.PENDING);
            users.as("worker.sam");
            forum.moderate(next.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null);
        }
        users.as(newcomer);
        assertThat(forum.reply(new NewReply(first.topicId(), "Post 4", null, token())).status()).isEqualTo(PostStatus.PUBLISHED);
        users.as("parent.b");
        assertThat(posts(first.topicId())).hasSize(4);
    }

    @Test
    void twoModeratorsOnOnePostOneWins() {
        String newcomer = newParent();
        var saved = topicBy(newcomer, "Waiting", "Please approve me.");
        users.as("worker.sam");
        assertThat(forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.PUBLISHED, null)).isTrue();
        users.as("peer.jo");
        assertThat(forum.moderate(saved.postId(), PostStatus.PENDING, PostStatus.HIDDEN, "late")).isFalse();
        users.as("parent.a");
        assertThatThrownBy(() -> forum.moderate(saved.postId(), PostStatus.PUBLISHED, PostStatus.HIDDEN, "no"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private <T> List<T> atOnce(int n, String who, Callable<T> call) throws Exception {
        var auth = SecurityContextHolder.getContext();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<T>>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    SecurityContextHolder.setContext(auth);
                    start.await();
                    try {
                        return call.call();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            var out = new ArrayList<T>();
            for (var f : results) {
                out.add(f.get());
            }
            return out;
        }
    }

    @Test
    void aDoubleSubmitSavesOnePost() throws Exception {
        var saved = topicBy("parent.a", "Double", "Start.");
        users.as("parent.b");
        String token = token();
        var all = atOnce(6, "parent.b", () -> forum.reply(new NewReply(saved.topicId(), "Only once please.", null, token)));
        assertThat(all).extracting(Forum.Saved::postId).containsOnly(all.getFirst().postId());
        assertThat(posts(saved.topicId())).extracting(PostView::markdown).containsOnlyOnce("Only once please.");

        String topicToken = token();
        var topics = atOnce(6, "parent.b", () -> forum.startTopic(new NewTopic(category("introductions"), "Once", "Once only.", topicToken)));
        assertThat(topics).extracting(Forum.Saved::topicId).containsOnly(topics.getFirst().topicId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE client_token = ?").param(topicToken).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void eachReactionCountsOncePerPersonEvenAtOnce() throws Exception {
        var saved = topicBy("parent.a", "React", "Did this help?");
        users.as("parent.b");
        atOnce(6, "parent.b", () -> {
            forum.react(saved.postId(), Reaction.HELPED, true);
            return true;
        });
        forum.react(saved.postId(), Reaction.ME_TOO, true);
        forum.react(saved.postId(), Reaction.ME_TOO, true);
        var post = posts(saved.topicId()).getFirst();
        assertThat(post.helped()).isEqualTo(1);
        assertThat(post.meToo()).isEqualTo(1);
        assertThat(post.iHelped()).isTrue();
        forum.react(saved.postId(), Reaction.ME_TOO, false);
        assertThat(posts(saved.topicId()).getFirst().meToo()).isZero();
    }

    @Test
    void longTopicsPageInOrderAndUnreadMarkersMove() {
        var saved = topicBy("parent.a", "A long one", "Post 1");
        for (int i = 2; i <= 45; i++) {
            forum.reply(new NewReply(saved.topicId(), "Post " + i, null, token()));
        }
        users.as("parent.b");
        var third = forum.topic(saved.topicId(), 3).orElseThrow();
        assertThat(third.pages()).isEqualTo(3);
        assertThat(third.posts()).extracting(PostView::markdown).containsExactly("Post 41", "Post 42", "Post 43", "Post 44", "Post 45");
        assertThat(forum.topic(saved.topicId(), 99).orElseThrow().page()).isEqualTo(3);
        assertThat(forum.pageOf(third.posts().getFirst().id())).contains(3);

        long category = category("introductions");
        assertThat(forum.topics(category, 1).orElseThrow().topics()).filteredOn(t -> t.id() == saved.topicId())
                .singleElement().extracting(Forum.TopicSummary::unread).isEqualTo(false);
        users.as("parent.a");
        forum.reply(new NewReply(saved.topicId(), "Post 46", null, token()));
        users.as("parent.b");
        var list = forum.topics(category, 1).orElseThrow();
        assertThat(list.topics().getFirst().id()).as("newest activity first").isEqualTo(saved.topicId());
        assertThat(list.topics().getFirst().unread()).isTrue();
    }

    @Test
    void followersAreListedForNotification() {
        var saved = topicBy("parent.a", "Follow me", "Hello.");
        users.as("parent.b");
        forum.followTopic(saved.topicId(), true);
        forum.followTopic(saved.topicId(), true);
        long robin = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.b'").query(Long.class).single();
        assertThat(forum.followersOf(saved.topicId())).containsExactly(robin);
        assertThat(forum.topic(saved.topicId(), 1).orElseThrow().topic().followed()).isTrue();
        forum.followCategory(category("introductions"), true);
        assertThat(forum.categoryFollowersOf(category("introductions"))).contains(robin);
    }

    @Test
    void sampleContentAndLocalGroupsAreThere() {
        users.as("parent.b");
        var categories = forum.categories();
        assertThat(categories).extracting(Forum.Category::name).contains("Introductions", "Police and court",
                "School and exclusions", "Services and meetings", "Brothers and sisters", "Looking after yourself",
                "Local group: North Bristol");
        assertThat(categories.stream().mapToLong(Forum.Category::topics).sum()).isGreaterThanOrEqualTo(30);
    }
}
