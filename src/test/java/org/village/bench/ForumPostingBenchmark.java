package org.village.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.TestUsers;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;

/**
 * Not a test (the name matches neither *Test nor *IT): a reply through the whole of {@link ForumService#reply} as
 * established parents (every filter and screen, the limits under the writer's lock, the insert, the topic's counters,
 * the events and their publication rows, the change number, the commit), and a topic page through
 * {@link ForumService#topic}, each timed server-side, p50/p95 over a bounded number of rounds (decision 048). The
 * database is the tests' embedded MariaDB (small): ForumPagesBenchmark measures the same SQL at 1M posts.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=ForumPostingBenchmark -Dskip.e2e=true
 *      (-Dbench.rounds=200; results on the console)
 */
class ForumPostingBenchmark extends IntegrationTest {

    @Autowired ForumService forum;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired org.village.moderation.TextFilters filters;
    @Autowired org.village.moderation.ModerationQueue moderation;
    @Autowired org.village.security.CurrentUser currentUser;

    @Test
    void measure() {
        int rounds = Math.min(400, Integer.getInteger("bench.rounds", 200));
        long category = jdbc.sql("SELECT id FROM forum_category WHERE code = 'services-and-meetings'").query(Long.class).single();
        // writers who are established (three published posts each), so each reply is published at once; many of them,
        // so no one writes more than the burst limit allows
        var writers = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            String name = "bench.poster." + UUID.randomUUID().toString().substring(0, 8);
            TestAccounts.copy(jdbc, "parent.a", name, "Poster " + TestText.letters(6), "PARENT");
            writers.add(name);
        }
        users.as(writers.getFirst());
        var topic = forum.startTopic(new NewTopic(category, TestText.unique("Bench topic"),
                "Somewhere for the benchmark to reply, about meetings.", UUID.randomUUID().toString()));
        jdbc.sql("UPDATE forum_post SET status = 'PUBLISHED' WHERE id = ?").param(topic.postId()).update();
        jdbc.sql("UPDATE forum_topic SET status = 'PUBLISHED' WHERE id = ?").param(topic.topicId()).update();
        for (String w : writers) {
            long id = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(w).query(Long.class).single();
            for (int k = 0; k < 3; k++) {
                jdbc.sql("INSERT INTO forum_post (topic_id, author_id, author_name, body, status, client_token, created_at)"
                        + " VALUES (?, ?, 'Poster', 'Earlier post', 'PUBLISHED', ?, NOW(6) - INTERVAL 2 DAY)")
                        .params(topic.topicId(), id, UUID.randomUUID().toString()).update();
            }
        }
        String body = "We had the strategy meeting today and the social worker said they will make a referral. "
                + "I'll ring the school at 10:30 tomorrow about his timetable, the bus costs £12.50 now. Has anyone "
                + "had a managed move before? My son is worried about it and so am I. Thank you all for listening.";
        try {
            long[] times = new long[rounds];
            int published = 0;
            for (int i = -30; i < rounds; i++) {
                users.as(writers.get(Math.floorMod(i, writers.size())));
                long t0 = System.nanoTime();
                var saved = forum.reply(new NewReply(topic.topicId(), body, null, UUID.randomUUID().toString()));
                long took = System.nanoTime() - t0;
                if (i >= 0) {
                    times[i] = took;
                    published += saved.status() == PostStatus.PUBLISHED ? 1 : 0;
                }
            }
            print("new reply through ForumService.reply", times, published + " of " + rounds + " published");
            // the parts of it outside the database transaction's own SQL, each on its own
            long[] filtering = new long[rounds];
            long[] silenced = new long[rounds];
            for (int i = -30; i < rounds; i++) {
                users.as(writers.get(Math.floorMod(i, writers.size())));
                var me = currentUser.get().orElseThrow();
                long t0 = System.nanoTime();
                filters.check(body, org.village.moderation.Writer.of(me));
                long t1 = System.nanoTime();
                moderation.silencedUntil(me.id());
                long t2 = System.nanoTime();
                if (i >= 0) {
                    filtering[i] = t1 - t0;
                    silenced[i] = t2 - t1;
                }
            }
            print("  of which: filters with family names", filtering, "TextFilters.check");
            print("  of which: silenced check", silenced, "ModerationQueue.silencedUntil");
            users.as("parent.b");
            long[] pages = new long[rounds];
            int last = forum.topic(topic.topicId(), 1).orElseThrow().pages();
            for (int i = -30; i < rounds; i++) {
                long t0 = System.nanoTime();
                forum.topic(topic.topicId(), 1 + Math.floorMod(i, last));
                if (i >= 0) {
                    pages[i] = System.nanoTime() - t0;
                }
            }
            print("topic page through ForumService.topic", pages, last + " pages of 20");
        } finally {
            users.anonymous();
        }
    }

    private static void print(String what, long[] times, String note) {
        Arrays.sort(times);
        int n = times.length;
        System.out.printf(Locale.UK, "BENCH %-40s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%s)%n", what,
                times[n / 2] / 1e6, times[(int) (n * 0.95) - 1] / 1e6, times[n - 1] / 1e6, note);
    }
}
