package org.village.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.forum.PostStatus;
import org.village.forum.internal.ForumStore;
import org.village.forum.internal.ForumStore.Reader;
import org.village.moderation.RiskKind;
import org.village.moderation.WatchAction;
import org.village.moderation.internal.FilterEngine;
import org.village.moderation.internal.SeededLists;
import org.village.moderation.internal.Tokens;

/**
 * Not a test: the forum's pages and posting at 1,000,000 posts in 50,000 topics (issue 10, decision 079), against
 * MariaDB on 127.0.0.1 (the machine's server, a database of its own: {@code village_bench_forum}, migrated by Flyway
 * from db/migration and filled once by SQL). Times, as a parent, the database work and Markdown rendering
 * {@code ForumService.topics} and {@code ForumService.topic} do for one page, and a new reply with every filter
 * (the filter engine with the seeded lists plus a partnership-sized list, the limits under the writer's row lock,
 * the insert, the topic's counters and the search change number) in one transaction. Each 200 times after 30
 * warm-up runs. Run: scripts/bench-forum-pages.sh [posts]
 */
public final class ForumPagesBenchmark {

    public static void main(String[] args) throws java.sql.SQLException {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int topics = Math.max(1, posts / 20);
        String url = System.getProperty("bench.db", "jdbc:mysql://127.0.0.1:3306/village_bench_forum?createDatabaseIfNotExist=true");
        var ds = new SimpleDriverDataSource(new com.mysql.cj.jdbc.Driver(), url, "root", "");
        // -Dbench.validate=false: a migration changed after the data was filled (its new index created by hand)
        Flyway.configure().dataSource(ds).locations("filesystem:db/migration")
                .validateOnMigrate(Boolean.parseBoolean(System.getProperty("bench.validate", "true"))).load().migrate();
        var jdbc = JdbcClient.create(ds);
        var store = newStore(jdbc);
        long have = jdbc.sql("SELECT COUNT(*) FROM forum_post").query(Long.class).single();
        if (have < posts) {
            long t0 = System.nanoTime();
            fill(jdbc, posts, topics);
            System.out.printf(Locale.UK, "filled %,d posts in %,d topics in %.0f s%n", posts, topics, (System.nanoTime() - t0) / 1e9);
        }
        long me = jdbc.sql("SELECT MIN(id) FROM user_account WHERE username LIKE 'bench-%'").query(Long.class).single();
        var reader = new Reader(me, false);
        var categories = jdbc.sql("SELECT id FROM forum_category ORDER BY id").query(Long.class).list();
        long firstTopic = jdbc.sql("SELECT MIN(id) FROM forum_topic").query(Long.class).single();
        var random = new Random(7);
        System.out.printf(Locale.UK, "%nForum pages at %,d posts in %,d topics (as a parent)%n", posts, topics);

        time("topic list, page 1", i -> {
            long c = categories.get(i % categories.size());
            store.countTopicsIn(c, reader);
            store.topicsIn(c, reader, 20, 0);
        });
        time("topic list, page 50", i -> {
            long c = categories.get(i % categories.size());
            store.countTopicsIn(c, reader);
            store.topicsIn(c, reader, 20, 49 * 20);
        });
        if ("list".equals(System.getProperty("bench.only"))) {
            return;
        }
        time("topic page 1 (rendering, first read)", i -> topicPage(store, reader, firstTopic + random.nextInt(topics), 1));
        // the topics people read: 50 of them, read again and again (rendered HTML kept, read markers up to date)
        time("topic page 1 (rendering, 50 read)", i -> topicPage(store, reader, firstTopic + i % 50, 1));
        time("topic page 1 (database only)", i -> topicPageRows(store, reader, firstTopic + random.nextInt(topics), 1));

        var engine = engine();
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        var authors = jdbc.sql("SELECT id FROM user_account WHERE username LIKE 'bench-%' ORDER BY id").query(Long.class).list();
        String body = "We had the strategy meeting today and the social worker said they will make a referral. "
                + "I'll ring the school at 10:30 tomorrow about his timetable, the bus costs £12.50 now. Has anyone "
                + "had a managed move before? My son is worried about it and so am I. Thank you all for listening.";
        long[] steps = new long[8];
        String[] names = {"filters", "new-member count", "writer lock", "rate counts", "topic lock", "insert",
                "topic refresh", "change number + commit"};
        time("new reply, every filter", i -> {
            long t0 = System.nanoTime();
            var verdict = engine.check(body, List.of());
            steps[0] += System.nanoTime() - t0;
            long author = authors.get(i % authors.size());
            long topic = firstTopic + random.nextInt(topics);
            tx.executeWithoutResult(s -> {
                long t = System.nanoTime();
                store.publishedCount(author, 3);
                t = step(steps, 1, t);
                store.lockWriter(author);
                t = step(steps, 2, t);
                Instant now = Instant.now();
                store.postsSince(author, now.minus(Duration.ofMinutes(1)));
                store.postsSince(author, now.minus(Duration.ofHours(1)));
                t = step(steps, 3, t);
                store.topicForUpdate(topic);
                t = step(steps, 4, t);
                long id = store.insertPost(topic, author, "Bench", verdict.text(), PostStatus.PUBLISHED, null,
                        UUID.randomUUID().toString(), false, now);
                t = step(steps, 5, t);
                store.refreshTopic(topic);
                step(steps, 6, t);
                store.stamp(List.of(id));
            });
            steps[7] += 0; // the rest of the total is the change number and the commit
        });
        for (int k = 0; k < steps.length - 1; k++) {
            System.out.printf(Locale.UK, "    step %-24s mean %6.2f ms%n", names[k], steps[k] / 230.0 / 1e6);
        }
        time("filters alone (same post)", i -> engine.check(body, List.of()));
    }

    private static ForumStore newStore(JdbcClient jdbc) {
        try {
            var c = ForumStore.class.getDeclaredConstructor(JdbcClient.class);
            c.setAccessible(true);
            return c.newInstance(jdbc);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final org.village.forum.internal.RenderedPosts RENDERED = new org.village.forum.internal.RenderedPosts(5_000);
    private static final Object GLOSSARY = new Object();

    /** What ForumService.topic asks the database for one page, as a parent (decision 048's queries). */
    private static List<ForumStore.PostRow> topicPageRows(ForumStore store, Reader r, long topicId, int page) {
        var t = store.topic(topicId, r).orElseThrow();
        store.countPostsFor(t, r.id());
        var rows = store.postsIn(topicId, r, 20, (page - 1) * 20);
        store.reactions(rows.stream().map(ForumStore.PostRow::id).toList(), r.id());
        if (!rows.isEmpty() && rows.getLast().id() > t.lastRead()) {
            store.markRead(r.id(), topicId, rows.getLast().id());
        }
        store.followsTopic(r.id(), topicId);
        return rows;
    }

    /** The same, and each post's HTML as ForumService makes it (kept per revision once rendered). */
    private static void topicPage(ForumStore store, Reader r, long topicId, int page) {
        for (var row : topicPageRows(store, r, topicId, page)) {
            RENDERED.html(row.id(), row.version(), GLOSSARY, () -> ContentRenderer.html(row.body(), ContentPolicy.FORUM_POST));
        }
    }

    private static long step(long[] steps, int k, long since) {
        long now = System.nanoTime();
        steps[k] += now - since;
        return now;
    }

    private static void time(String what, IntConsumer run) {
        for (int i = 0; i < 30; i++) {
            run.accept(i);
        }
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            run.accept(i);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(Locale.UK, "  %-32s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", what, times[100] / 1e6,
                times[189] / 1e6, times[199] / 1e6);
    }

    private static FilterEngine engine() {
        var random = new Random(42);
        var watched = new ArrayList<FilterEngine.Watched>();
        SeededLists.watched().forEach(r -> watched.add(new FilterEngine.Watched(Tokens.normalise(r.phrase()),
                WatchAction.valueOf(r.kind()), r.reason())));
        var risks = new ArrayList<FilterEngine.Risk>();
        SeededLists.risks().forEach(r -> risks.add(new FilterEngine.Risk(Tokens.normalise(r.phrase()), RiskKind.valueOf(r.kind()))));
        var schools = new ArrayList<String>(SeededLists.schools().stream().map(SeededLists.Row::phrase).toList());
        for (int i = 0; i < 500; i++) {
            watched.add(new FilterEngine.Watched("zz" + Integer.toString(random.nextInt(1 << 20), 36), WatchAction.values()[i % 4], "r"));
        }
        return new FilterEngine(watched, risks, schools);
    }

    /** Accounts, topics spread over the seeded categories, and posts of 15 to 120 words, all by SQL on the server. */
    private static void fill(JdbcClient jdbc, int posts, int topics) {
        var now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT IGNORE INTO user_account (username, display_name, password_hash, created_at) "
                + "SELECT CONCAT('bench-', seq), CONCAT('Bench ', seq), 'x', ? FROM seq_1_to_5000").param(now).update();
        long firstUser = jdbc.sql("SELECT MIN(id) FROM user_account WHERE username LIKE 'bench-%'").query(Long.class).single();
        jdbc.sql("DELETE FROM forum_post").update();
        jdbc.sql("DELETE FROM forum_topic").update();
        jdbc.sql("""
                INSERT INTO forum_topic (category_id, title, author_id, author_name, status, created_at, last_post_at)
                SELECT c.id, CONCAT('Bench topic ', s.seq, ' about school and the police'), ? + s.seq %% 5000, 'Bench',
                       'PUBLISHED', ?, ?
                FROM seq_1_to_%d s JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, COUNT(*) OVER () AS k
                                         FROM forum_category) c ON c.n = s.seq %% c.k""".formatted(topics))
                .params(firstUser, now, now).update();
        long firstTopic = jdbc.sql("SELECT MIN(id) FROM forum_topic").query(Long.class).single();
        String words = "'the','and','my','son','police','school','meeting','worker','social','court','home','time',"
                + "'exclusion','statement','missing','worried','tired','judge','teacher','timetable','managed','move',"
                + "'strategy','referral','grooming','county','lines','phone','friends','night','weekend','bail',"
                + "'youth','mentor','counselling','brother','sister','football','kettle','tea','family','support'";
        int chunk = 100_000;
        for (int from = 0; from < posts; from += chunk) {
            int to = Math.min(posts, from + chunk);
            jdbc.sql("""
                    INSERT INTO forum_post (topic_id, author_id, author_name, body, status, client_token, created_at, changed_seq)
                    SELECT ? + s.seq %% ?, ? + s.seq %% 5000, 'Bench',
                           REPEAT(CONCAT_WS(' ', ELT(1 + s.seq %% 42, %1$s), ELT(1 + (s.seq * 7) %% 42, %1$s),
                                  ELT(1 + (s.seq * 13) %% 42, %1$s), ELT(1 + (s.seq * 31) %% 42, %1$s), 'and the', ''),
                                  3 + s.seq %% 20),
                           IF(s.seq %% 50 = 0, 'PENDING', 'PUBLISHED'), CONCAT('b', s.seq), ?, s.seq
                    FROM seq_%2$d_to_%3$d s""".formatted(words, from + 1, to))
                    .params(firstTopic, topics, firstUser, now).update();
        }
        jdbc.sql("""
                UPDATE forum_topic t JOIN (SELECT topic_id, COUNT(*) - 1 AS replies, MAX(id) AS last_id FROM forum_post
                                           WHERE status = 'PUBLISHED' GROUP BY topic_id) p ON p.topic_id = t.id
                SET t.reply_count = p.replies, t.last_post_id = p.last_id""").update();
        jdbc.sql("ANALYZE TABLE forum_topic, forum_post").query().listOfRows();
    }
}
