package org.village.forum.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.directory.DirectoryService;
import org.village.forum.PostStatus;
import org.village.security.People;

/**
 * A local group per area of the service directory (every start, for any partnership), and in the demo profile a
 * lived-in forum: the sample topics in {@code forum/sample-topics.txt}, marked as sample content, by parent.a and
 * parent.b (established members) and staff, plus one post by the new parent.c waiting for a moderator.
 */
@Component
class ForumSeeder {

    private final ForumStore store;
    private final DirectoryService directory;
    private final People people;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;

    private final org.village.moderation.ModerationQueue queue;
    private final org.village.moderation.ModerationDesk desk;

    ForumSeeder(ForumStore store, DirectoryService directory, People people, TransactionTemplate tx, Clock clock,
                Environment env, org.village.moderation.ModerationQueue queue, org.village.moderation.ModerationDesk desk) {
        this.queue = queue;
        this.desk = desk;
        this.store = store;
        this.directory = directory;
        this.people = people;
        this.tx = tx;
        this.clock = clock;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void seed() {
        int order = 100;
        for (var area : directory.areas()) {
            store.addCategoryIfMissing("local-" + area.code(), "Local group: " + area.name(),
                    "Meet parents in " + area.name() + ".", order++, clock.instant());
        }
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            tx.executeWithoutResult(s -> {
                if (!store.anySamplePosts()) {
                    sample();
                }
            });
        }
    }

    record SampleTopic(String category, String title, List<String[]> posts) {
    }

    static List<SampleTopic> read() {
        String text;
        try {
            text = new ClassPathResource("forum/sample-topics.txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var topics = new ArrayList<SampleTopic>();
        String category = null;
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                topics.add(new SampleTopic(category, line.substring(3).strip(), new ArrayList<>()));
            } else if (line.startsWith("= ")) {
                category = line.substring(2).strip();
            } else {
                int colon = line.indexOf(": ");
                topics.getLast().posts().add(new String[] {line.substring(0, colon), line.substring(colon + 2).replace("\\n", "\n\n")});
            }
        }
        return topics;
    }

    private void sample() {
        var topics = read();
        Instant now = clock.instant();
        int n = 0;
        for (int t = 0; t < topics.size(); t++) {
            var topic = topics.get(t);
            var category = store.categoryId(topic.category());
            if (category.isEmpty()) {
                continue; // this partnership has no such area
            }
            // older topics first; each reply a few hours after the one before
            Instant at = now.minus(Duration.ofHours(6L * (topics.size() - t) + 40));
            var first = topic.posts().getFirst();
            var starter = people.byUsername(first[0]).orElse(null);
            if (starter == null) {
                continue;
            }
            long topicId = store.insertTopic(category.get(), topic.title(), starter.id(), starter.displayName(),
                    PostStatus.PUBLISHED, true, at);
            var ids = new ArrayList<Long>();
            for (String[] post : topic.posts()) {
                var author = people.byUsername(post[0]).orElse(starter);
                ids.add(store.insertPost(topicId, author.id(), author.displayName(), post[1], PostStatus.PUBLISHED, null,
                        "sample-" + (++n), true, at));
                at = at.plus(Duration.ofHours(3));
            }
            store.refreshTopic(topicId);
            store.stamp(ids);
        }
        // the new parent's first post, waiting in the queue
        String token = "sample-" + (n + 1);
        people.byUsername("parent.c").ifPresent(wren -> store.categoryId("introductions").ifPresent(category -> {
            long topicId = store.insertTopic(category, "Hello, I'm new and a bit nervous", wren.id(), wren.displayName(),
                    PostStatus.PENDING, true, now.minus(Duration.ofHours(2)));
            long postId = store.insertPost(topicId, wren.id(), wren.displayName(),
                    "Hi all. My son is 13 and I've only just found out what's been happening. I don't really know what to ask yet.",
                    PostStatus.PENDING, null, token, true, now.minus(Duration.ofHours(2)));
            store.refreshTopic(topicId);
            store.stamp(List.of(postId));
            queue.raise(org.village.moderation.Subject.forumPost(postId), wren.id(),
                    org.village.moderation.CaseKind.PENDING, "new member", null);
        }));
        // one published sample reply a member reported, waiting in the queue's "reported" tab
        people.byUsername("parent.a").ifPresent(reporter -> store.firstSampleReplyNotBy(reporter.id()).ifPresent(post ->
                desk.sampleReport(org.village.moderation.Subject.forumPost(post.id()), post.authorId(), reporter.id(),
                        org.village.moderation.ReportReason.UNKIND, "This sounded harsh to me (sample report).")));
    }
}
