package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.village.TestText;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;
import org.village.moderation.FilterLists;
import org.village.moderation.RiskKind;
import org.village.moderation.Subject;
import org.village.moderation.UrgentRaised;
import org.village.moderation.WatchAction;
import org.village.shared.InputProblem;

/**
 * The writer's side of moderation (issue 10, decision 079), through the forum's service against the real database:
 * personal details are held with a case and the words kept, innocent text is published, a block word is refused with
 * its reason, a risk phrase is held as an urgent case that announces itself, and the rate limits and the rule on
 * links hold even when several posts arrive at once.
 */
@RecordApplicationEvents
class ForumFiltersIT extends IntegrationTest {

    @Autowired
    ForumService forum;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilterLists lists;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        users.anonymous();
    }

    private long category() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private Forum.Saved topic(String who, String title, String body) {
        users.as(who);
        return forum.startTopic(new NewTopic(category(), title, body, token()));
    }

    private String fresh(String from, String role) {
        String name = "ff." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, from, name, "Filters " + name.substring(3, 7), role);
        return name;
    }

    private List<String> openCases(long postId) {
        return jdbc.sql("SELECT kind FROM moderation_case WHERE subject_kind = ? AND subject_id = ? AND status = 'OPEN' ORDER BY kind")
                .params(Subject.FORUM_POST, postId).query(String.class).list();
    }

    private String stored(long postId) {
        return jdbc.sql("SELECT body FROM forum_post WHERE id = ?").param(postId).query(String.class).single();
    }

    @Test
    void aPhoneNumberIsHeldWithACaseTheWordsKeptAndAHintForTheWriter() {
        String body = "Text me on 07700 900123 if you want to talk.";
        var saved = topic("parent.a", TestText.unique("Anyone near me?"), body);
        assertThat(saved.status()).isEqualTo(PostStatus.HELD);
        assertThat(stored(saved.postId())).isEqualTo(body);
        assertThat(saved.filters().hints(Locale.ENGLISH)).anySatisfy(h -> assertThat(h).contains("phone numbers"));
        assertThat(openCases(saved.postId())).containsExactly("HELD");
        assertThat(jdbc.sql("SELECT reason FROM moderation_case WHERE subject_id = ? AND subject_kind = ?")
                .params(saved.postId(), Subject.FORUM_POST).query(String.class).single()).contains("phone").doesNotContain("07700");

        users.as("parent.b");
        assertThat(forum.topic(saved.topicId(), 1)).as("others do not see a held post").isEmpty();
        users.as("parent.a");
        assertThat(forum.topic(saved.topicId(), 1).orElseThrow().posts()).singleElement()
                .satisfies(p -> assertThat(p.status().waiting()).isTrue());
    }

    @Test
    void anEmailAddressIsHeldToo() {
        var topic = topic("parent.a", TestText.unique("Email"), "Hello all.");
        users.as("parent.a");
        var saved = forum.reply(new NewReply(topic.topicId(), "Write to me at jo.bloggs@example.com please", null, token()));
        assertThat(saved.status()).isEqualTo(PostStatus.HELD);
        assertThat(openCases(saved.postId())).containsExactly("HELD");
        assertThat(saved.filters().hints(Locale.ENGLISH)).anySatisfy(h -> assertThat(h).contains("email"));
    }

    @Test
    void innocentWordsTimesAndPricesArePublished() {
        for (String body : List.of("We drove through Scunthorpe on the way.", "I'll ring at 10:30 tomorrow.",
                "The bus was £12.50 each way.", "He was born in 2009.", "Church Road was busy.")) {
            var saved = topic("parent.a", TestText.unique("Innocent"), body);
            assertThat(saved.status()).as(body).isEqualTo(PostStatus.PUBLISHED);
            assertThat(stored(saved.postId())).isEqualTo(body);
            assertThat(openCases(saved.postId())).as(body).isEmpty();
        }
    }

    @Test
    void aBlockWordIsRefusedWithItsReasonAndNothingIsStored() {
        String word = "zorbl" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4) + "x";
        users.as("worker.sam");
        var added = lists.addWatchedWord(word, WatchAction.BLOCK, "We do not allow adverts.");
        try {
            users.as("parent.a");
            String title = TestText.unique("Blocked");
            long before = jdbc.sql("SELECT COUNT(*) FROM forum_topic WHERE title = ?").param(title).query(Long.class).single();
            assertThatThrownBy(() -> forum.startTopic(new NewTopic(category(), title, "Buy " + word.toUpperCase(Locale.ROOT) + " now", token())))
                    .isInstanceOfSatisfying(InputProblem.class, p -> {
                        assertThat(p.field()).isEqualTo("body");
                        assertThat(p.message(Locale.ENGLISH)).contains("We do not allow adverts.");
                    });
            assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_topic WHERE title = ?").param(title).query(Long.class).single()).isEqualTo(before);
        } finally {
            users.as("worker.sam");
            lists.removeWatchedWord(added.id());
        }
    }

    @Test
    void aRiskPhraseIsHeldAsAnUrgentCaseAndAnnounced() {
        var saved = topic("parent.a", TestText.unique("Tonight"), "Someone is banging on the door and shouting.");
        assertThat(saved.status()).isEqualTo(PostStatus.HELD);
        assertThat(saved.urgent()).isTrue();
        assertThat(saved.filters().risk()).isEqualTo(RiskKind.DANGER_NOW);
        assertThat(openCases(saved.postId())).containsExactly("URGENT");
        assertThat(jdbc.sql("SELECT risk FROM moderation_case WHERE subject_id = ? AND subject_kind = ?")
                .params(saved.postId(), Subject.FORUM_POST).query(String.class).single()).isEqualTo("DANGER_NOW");
        assertThat(events.stream(UrgentRaised.class).filter(e -> e.subject().equals(Subject.forumPost(saved.postId()))))
                .singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(RiskKind.DANGER_NOW));
        users.as("parent.b");
        assertThat(forum.topic(saved.topicId(), 1)).isEmpty();
    }

    @Test
    void aFlagWordPublishesAndOpensAReportedCase() {
        String word = "flagw" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4) + "y";
        users.as("worker.sam");
        var added = lists.addWatchedWord(word, WatchAction.FLAG, "Check this");
        try {
            var saved = topic("parent.a", TestText.unique("Flag"), "Has anyone tried " + word + "?");
            assertThat(saved.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(openCases(saved.postId())).containsExactly("REPORTED");
        } finally {
            users.as("worker.sam");
            lists.removeWatchedWord(added.id());
        }
    }

    @Test
    void anEditThatAddsAPhoneNumberHoldsThePublishedPost() {
        var saved = topic("parent.a", TestText.unique("Edit"), "Nothing to see.");
        assertThat(saved.status()).isEqualTo(PostStatus.PUBLISHED);
        var edited = forum.edit(saved.postId(), 0, "Call me: 07700 900456");
        assertThat(edited.status()).isEqualTo(PostStatus.HELD);
        assertThat(openCases(saved.postId())).containsExactly("HELD");
    }

    @Test
    void hostileTitlesGoThroughTheFiltersToo() {
        var saved = topic("parent.a", "</script><b onclick=x()>ring 07700 900789</b>\u202E", "Hello.");
        assertThat(saved.status()).isEqualTo(PostStatus.HELD);
        assertThat(openCases(saved.postId())).containsExactly("HELD");
    }

    @Test
    void newMembersWaitWithAPendingCaseAndMayNotPostLinks() {
        String newcomer = fresh("parent.b", "PARENT");
        var first = topic(newcomer, TestText.unique("Hello"), "I am new here.");
        assertThat(first.status()).isEqualTo(PostStatus.PENDING);
        assertThat(openCases(first.postId())).containsExactly("PENDING");
        for (String link : List.of("Look at [this](https://example.com)", "see www.example.co.uk", "try cheap-pills.com")) {
            assertThatThrownBy(() -> forum.reply(new NewReply(first.topicId(), link, null, token())))
                    .as(link).isInstanceOfSatisfying(InputProblem.class, p -> {
                        assertThat(p.key()).isEqualTo("forum.safety.noLinks");
                        assertThat(p.message(Locale.ENGLISH)).contains("Your words are kept");
                    });
        }
        // an established member may
        var withLink = topic("parent.a", TestText.unique("Useful"), "The council has a page: https://www.bristol.gov.uk");
        assertThat(withLink.status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void newMembersPostAFewTimesAnHour() {
        String newcomer = fresh("parent.b", "PARENT");
        var first = topic(newcomer, TestText.unique("Hourly"), "One.");
        for (int i = 2; i <= 5; i++) {
            assertThat(forum.reply(new NewReply(first.topicId(), "Post " + i, null, token())).status()).isEqualTo(PostStatus.PENDING);
        }
        assertThatThrownBy(() -> forum.reply(new NewReply(first.topicId(), "Post 6", null, token())))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("forum.safety.newMemberHour"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE topic_id = ?").param(first.topicId()).query(Long.class).single())
                .isEqualTo(5);
    }

    @Test
    void theBurstLimitHoldsWhenPostsArriveAtOnce() throws Exception {
        String writer = fresh("worker.sam", "WORKER");
        var topic = topic(writer, TestText.unique("Burst"), "First.");
        long authorId = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(writer).query(Long.class).single();
        // the setting in tests is 200 a minute: 198 more posts in the last minute, so exactly one more fits
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO forum_post (topic_id, author_id, author_name, body, status, client_token, created_at)
                SELECT ?, ?, 'x', 'earlier', 'DELETED', CONCAT('burst-', seq), ? FROM seq_1_to_198""")
                .params(topic.topicId(), authorId, now).update();
        var auth = SecurityContextHolder.getContext();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<String>>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    SecurityContextHolder.setContext(auth);
                    start.await();
                    try {
                        forum.reply(new NewReply(topic.topicId(), "At once " + n, null, token()));
                        return "saved";
                    } catch (InputProblem p) {
                        return p.key();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce("saved").filteredOn(o -> !o.equals("saved")).containsOnly("forum.safety.tooFast");
        }
    }
}
