package org.village.forum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.content.GlossaryMarker;
import org.village.forum.Forum.Category;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.NewTopic;
import org.village.forum.Forum.PostView;
import org.village.forum.Forum.Reaction;
import org.village.forum.Forum.Revision;
import org.village.forum.Forum.Saved;
import org.village.forum.Forum.SearchHit;
import org.village.forum.Forum.SearchResult;
import org.village.forum.Forum.Topic;
import org.village.forum.Forum.TopicList;
import org.village.forum.Forum.TopicPage;
import org.village.forum.Forum.TopicSummary;
import org.village.forum.internal.ForumIndex;
import org.village.forum.internal.ForumStore;
import org.village.forum.internal.ForumStore.PostRow;
import org.village.forum.internal.ForumStore.Reader;
import org.village.forum.internal.ForumStore.TopicRow;
import org.village.guides.GlossaryTermChanged;
import org.village.guides.GuideService;
import org.village.moderation.ModerationQueue;
import org.village.moderation.Subject;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.search.Synonyms;
import org.village.shared.search.Words;

/**
 * The forum for signed-in families and staff. Every call checks who is asking: nobody signed out gets in, a parent
 * reads published posts and their own waiting ones, moderators read everything (decision 078). A post's status is
 * decided in {@link #statusFor} only. Unknown or hidden ids read as "not there", never as an error.
 */
@Service
public class ForumService {

    public static final int PAGE_SIZE = 20;
    public static final int TITLE_MAX = 150;
    /** Characters that change the direction or hide text; taken out so a post reads as it was typed. */

    private final ForumStore store;
    private final ForumIndex index;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final GuideService guides;
    private final ObjectProvider<PostScreen> screens;
    private final int premoderated;
    private final Duration editWindow;
    private final int perMinute;
    private final int newMemberPerHour;
    private final ObjectProvider<ModerationQueue> moderation;
    private final org.village.shared.AuditLog audit;
    private volatile GlossaryMarker marker;
    private volatile Instant markerAt = Instant.EPOCH;

    ForumService(ForumStore store, ForumIndex index, CurrentUser currentUser, Clock clock, TransactionTemplate tx,
                 ApplicationEventPublisher events, GuideService guides, ObjectProvider<PostScreen> screens,
                 @Value("${village.forum.premoderated-posts:3}") int premoderated,
                 @Value("${village.forum.edit-window:PT30M}") Duration editWindow,
                 @Value("${village.forum.posts-per-minute:5}") int perMinute,
                 @Value("${village.forum.new-member-posts-per-hour:5}") int newMemberPerHour,
                 ObjectProvider<ModerationQueue> moderation, org.village.shared.AuditLog audit) {
        this.moderation = moderation;
        this.audit = audit;
        this.store = store;
        this.index = index;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        this.guides = guides;
        this.screens = screens;
        this.premoderated = premoderated;
        this.editWindow = editWindow;
        this.perMinute = perMinute;
        this.newMemberPerHour = newMemberPerHour;
    }

    // ---- who is asking ----

    private VillageUser member() {
        VillageUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to use the forum"));
        if (!user.isParent() && !user.isPeerSupporter() && !user.isStaff()) {
            throw new AccessDeniedException("The forum is for families and staff");
        }
        return user;
    }

    private Reader reader(VillageUser user) {
        return new Reader(user.id(), user.can(Capability.MODERATE));
    }

    /** True when the signed-in person reads everything (moderators). */
    public boolean readsEverything() {
        return reader(member()).moderator();
    }

    /** How long after posting the author may still change a post. */
    public Duration editWindow() {
        return editWindow;
    }

    // ---- reading ----

    public List<Category> categories() {
        VillageUser me = member();
        return store.categories(me.id()).stream().map(c -> new Category(c.id(), c.code(), c.name(), c.description(),
                c.topics(), c.posts(), c.followed())).toList();
    }

    /** A page (from 1) of a category's topics, newest activity first; empty for an unknown category. */
    public Optional<TopicList> topics(long categoryId, int page) {
        VillageUser me = member();
        Reader r = reader(me);
        return store.category(categoryId, me.id()).map(c -> {
            long count = store.countTopicsIn(categoryId, r);
            int pages = pages(count);
            int p = Math.clamp(page, 1, pages);
            var topics = store.topicsIn(categoryId, r, PAGE_SIZE, (p - 1) * PAGE_SIZE).stream()
                    .map(t -> new TopicSummary(t.id(), t.categoryId(), t.title(), t.authorName(), t.replies(),
                            t.lastPostAt(), t.locked(), t.lastPostId() > t.lastRead(), t.status(), t.sample()))
                    .toList();
            return new TopicList(new Category(c.id(), c.code(), c.name(), c.description(), count, 0, c.followed()),
                    topics, p, pages);
        });
    }

    private static int pages(long count) {
        return (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /**
     * A page (from 1) of a topic's posts the reader may see; empty for an unknown topic or one they may not see.
     * Reading a page marks its posts as read.
     */
    public Optional<TopicPage> topic(long topicId, int page) {
        VillageUser me = member();
        Reader r = reader(me);
        return store.topic(topicId, r).map(t -> {
            long count = r.moderator() ? store.countPostsIn(topicId, r) : store.countPostsFor(t, me.id());
            int pages = pages(count);
            int p = Math.clamp(page, 1, pages);
            List<PostRow> rows = store.postsIn(topicId, r, PAGE_SIZE, (p - 1) * PAGE_SIZE);
            var reactions = store.reactions(rows.stream().map(PostRow::id).toList(), me.id());
            var posts = new ArrayList<PostView>(rows.size());
            Long firstUnread = null;
            for (PostRow row : rows) {
                boolean unread = row.id() > t.lastRead() && row.authorId() != me.id();
                if (unread && firstUnread == null) {
                    firstUnread = row.id();
                }
                posts.add(view(row, me, reactions.getOrDefault(row.id(), ForumStore.none()), unread));
            }
            if (!rows.isEmpty() && rows.getLast().id() > t.lastRead()) {
                // only when it moves forward: reading a page again writes nothing
                store.markRead(me.id(), topicId, rows.getLast().id());
            }
            var topic = new Topic(t.id(), t.categoryId(), t.categoryName(), t.title(), t.authorName(), t.locked(),
                    store.followsTopic(me.id(), topicId), t.status(), t.sample());
            return new TopicPage(topic, posts, p, pages, firstUnread);
        });
    }

    /** The page of its topic a post is on, for links to one post; empty when the reader may not see it. */
    public Optional<Integer> pageOf(long postId) {
        Reader r = reader(member());
        return store.visiblePost(postId, r).map(p -> (int) (store.countBefore(p.topicId(), postId, r) / PAGE_SIZE) + 1);
    }

    /** One post as the reader may see it (moderation shows it in context). */
    public Optional<PostView> post(long postId) {
        VillageUser me = member();
        return store.visiblePost(postId, reader(me)).map(row -> view(row, me,
                store.reactions(List.of(postId), me.id()).getOrDefault(postId, ForumStore.none()), false));
    }

    private PostView view(PostRow row, VillageUser me, ForumStore.Reactions reactions, boolean unread) {
        boolean mine = row.authorId() == me.id();
        Instant until = row.createdAt().plus(editWindow);
        boolean editable = mine && row.status() != PostStatus.DELETED && row.status() != PostStatus.HIDDEN
                && clock.instant().isBefore(until);
        return new PostView(row.id(), row.topicId(), row.authorName(), mine, render(row),
                row.body(), row.status(), row.createdAt(), row.editedAt(), editable ? until : null, row.version(),
                reactions.helped(), reactions.meToo(), reactions.iHelped(), reactions.iMeToo(), unread, row.sample());
    }

    /** The text as it will look when posted (sanitised, glossary terms explained); refuses text that is too long. */
    public String preview(String markdown) {
        member();
        String body = clean(markdown);
        checkBody(body);
        return render(body, "preview");
    }

    private String render(String markdown, String idPrefix) {
        return glossary().mark(ContentRenderer.html(markdown, ContentPolicy.FORUM_POST), idPrefix);
    }

    /** A post's HTML, rendered once per revision and glossary (decision 048). */
    private String render(PostRow row) {
        GlossaryMarker m = glossary();
        return rendered.html(row.id(), row.version(), m,
                () -> m.mark(ContentRenderer.html(row.body(), ContentPolicy.FORUM_POST), "p" + row.id()));
    }

    private final org.village.forum.internal.RenderedPosts rendered = new org.village.forum.internal.RenderedPosts(5_000);

    private GlossaryMarker glossary() {
        GlossaryMarker m = marker;
        Instant now = clock.instant();
        if (m == null || now.isAfter(markerAt.plus(Duration.ofMinutes(5)))) {
            m = new GlossaryMarker(guides.glossary());
            marker = m;
            markerAt = now;
        }
        return m;
    }

    @org.springframework.context.event.EventListener
    void glossaryChanged(GlossaryTermChanged changed) {
        marker = null;
    }

    /** Markdown quoting a post the reader may see: a blockquote opened by its author's display name. */
    public Optional<String> quote(long postId) {
        VillageUser me = member();
        return store.visiblePost(postId, reader(me)).filter(p -> p.status() == PostStatus.PUBLISHED || p.authorId() == me.id())
                .map(p -> {
                    var out = new StringBuilder("> **").append(escapeMarkdown(p.authorName())).append("** wrote:\n>\n");
                    for (String line : p.body().strip().split("\\R", -1)) {
                        out.append(line.isBlank() ? ">" : "> " + line).append('\n');
                    }
                    return out.append('\n').toString();
                });
    }

    private static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#!|])", "\\\\$1");
    }

    // ---- writing ----

    public Saved startTopic(NewTopic topic) {
        return onceOnly(() -> startTopicOnce(topic));
    }

    public Saved reply(NewReply reply) {
        return onceOnly(() -> replyOnce(reply));
    }

    /**
     * Runs a write whose form token makes it happen once. The database may pick one of several identical submits
     * as a deadlock loser ("try restarting transaction"); the retry then finds the first one's post by its token.
     */
    private static Saved onceOnly(java.util.function.Supplier<Saved> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (org.springframework.dao.PessimisticLockingFailureException lost) {
                if (attempt >= 3) {
                    throw lost;
                }
            }
        }
    }

    private Saved startTopicOnce(NewTopic topic) {
        VillageUser me = member();
        refuseWhileSilenced(me);
        String title = topic.title() == null ? "" : clean(topic.title()).strip();
        if (title.isEmpty()) {
            throw InputProblem.keyed("title", "forum.problem.noTitle");
        }
        if (title.length() > TITLE_MAX) {
            throw InputProblem.keyed("title", "forum.problem.titleTooLong", title.length(), TITLE_MAX);
        }
        String body = clean(topic.body());
        checkBody(body);
        String token = token(topic.clientToken());
        var again = store.postByToken(me.id(), token);
        if (again.isPresent()) {
            return new Saved(again.get().id(), again.get().topicId(), again.get().status());
        }
        try {
            return tx.execute(s -> {
                if (store.category(topic.categoryId(), me.id()).isEmpty()) {
                    throw InputProblem.keyed("category", "forum.problem.noCategory");
                }
                Instant now = clock.instant();
                var verdict = statusFor(me, 0, null, title, body);
                long topicId = store.insertTopic(topic.categoryId(), verdict.title() != null ? verdict.title() : title,
                        me.id(), me.displayName(), verdict.status(), false, now);
                long postId = store.insertPost(topicId, me.id(), me.displayName(), verdict.body(), verdict.status(), null,
                        token, false, now);
                store.refreshTopic(topicId);
                raise(postId, me.id(), verdict, false);
                announce(postId, topicId, topic.categoryId(), me.id(), verdict, false, null, 0, false);
                store.stamp(List.of(postId));
                return new Saved(postId, topicId, verdict.status(), verdict.filters());
            });
        } catch (DuplicateKeyException doubleSubmit) {
            var first = store.postByToken(me.id(), token).orElseThrow(() -> doubleSubmit);
            return new Saved(first.id(), first.topicId(), first.status());
        }
    }

    private Saved replyOnce(NewReply reply) {
        VillageUser me = member();
        refuseWhileSilenced(me);
        Reader r = reader(me);
        String body = clean(reply.body());
        checkBody(body);
        String token = token(reply.clientToken());
        var again = store.postByToken(me.id(), token);
        if (again.isPresent()) {
            return new Saved(again.get().id(), again.get().topicId(), again.get().status());
        }
        try {
            return tx.execute(s -> {
                // the topic's row is locked so a reply and a moderator's lock cannot cross
                TopicRow topic = store.topicForUpdate(reply.topicId())
                        .filter(t -> store.topic(t.id(), r).isPresent())
                        .orElseThrow(() -> InputProblem.keyed("topic", "forum.problem.noTopic"));
                if (topic.locked()) {
                    throw InputProblem.keyed("body", "forum.problem.locked");
                }
                Long quotedAuthor = null;
                if (reply.quotedId() != null) {
                    var quoted = store.visiblePost(reply.quotedId(), r).filter(q -> q.topicId() == topic.id())
                            .orElseThrow(() -> InputProblem.keyed("body", "forum.problem.quotedGone"));
                    if (quoted.status() == PostStatus.DELETED || quoted.status() == PostStatus.HIDDEN) {
                        throw InputProblem.keyed("body", "forum.problem.quotedGone");
                    }
                    quotedAuthor = quoted.authorId();
                }
                Instant now = clock.instant();
                var verdict = statusFor(me, topic.id(), null, null, body);
                long postId = store.insertPost(topic.id(), me.id(), me.displayName(), verdict.body(), verdict.status(),
                        reply.quotedId(), token, false, now);
                store.refreshTopic(topic.id());
                raise(postId, me.id(), verdict, false);
                announce(postId, topic.id(), topic.categoryId(), me.id(), verdict, true, quotedAuthor, topic.authorId(), false);
                store.stamp(List.of(postId));
                return new Saved(postId, topic.id(), verdict.status(), verdict.filters());
            });
        } catch (DuplicateKeyException doubleSubmit) {
            var first = store.postByToken(me.id(), token).orElseThrow(() -> doubleSubmit);
            return new Saved(first.id(), first.topicId(), first.status());
        }
    }

    /**
     * Changes one's own post within the edit window. {@code version} is the one the writer started from: if the post
     * changed since (another tab, a moderator), nothing is saved and the writer is told kindly. The text before the
     * change is kept as a revision for moderators.
     */
    public Saved edit(long postId, int version, String markdown) {
        VillageUser me = member();
        String body = clean(markdown);
        checkBody(body);
        return tx.execute(s -> {
            PostRow post = store.postForUpdate(postId).filter(p -> p.authorId() == me.id())
                    .filter(p -> p.status() != PostStatus.DELETED && p.status() != PostStatus.HIDDEN)
                    .orElseThrow(() -> InputProblem.keyed("body", "forum.problem.noPost"));
            Instant now = clock.instant();
            if (!now.isBefore(post.createdAt().plus(editWindow))) {
                throw InputProblem.keyed("body", "forum.problem.editWindow", editWindow.toMinutes());
            }
            if (post.version() != version) {
                throw InputProblem.keyed("body", "forum.problem.stale");
            }
            TopicRow topic = store.topicForUpdate(post.topicId()).orElseThrow();
            if (topic.locked()) {
                throw InputProblem.keyed("body", "forum.problem.locked");
            }
            var verdict = statusFor(me, topic.id(), postId, null, body);
            // an edit never publishes a post a moderator has not seen yet
            PostStatus status = post.status().waiting() && verdict.status() == PostStatus.PUBLISHED ? post.status() : verdict.status();
            store.insertRevision(postId, post.body(), post.editedAt() == null ? post.createdAt() : post.editedAt());
            if (!store.updateBody(postId, version, verdict.body(), status, now)) {
                throw InputProblem.keyed("body", "forum.problem.stale");
            }
            store.refreshTopic(topic.id());
            raise(postId, me.id(), verdict, true);
            if (status.waiting() && post.status() == PostStatus.PUBLISHED && !urgent(verdict)) {
                events.publishEvent(new PostPending(postId, topic.id(), me.id(), status, verdict.reason(), true));
            }
            store.stamp(List.of(postId));
            return new Saved(postId, topic.id(), status, verdict.filters());
        });
    }

    /**
     * The one place a new or edited post gets its status (decision 078): moderators' posts are published; a member
     * with fewer than {@code village.forum.premoderated-posts} published posts waits for a moderator (a "new member":
     * new members may not post links, and may write only {@code village.forum.new-member-posts-per-hour}); everyone
     * writes at most {@code village.forum.posts-per-minute} new posts a minute; then every {@link PostScreen}
     * (moderation's filters) has its say and the strictest verdict wins (decision 079). Called inside the write's
     * transaction: the limits are counted under the writer's own row lock, so two tabs or nodes cannot both slip in.
     */
    PostScreen.Verdict statusFor(VillageUser author, long topicId, Long postId, String title, String body) {
        boolean moderator = author.can(Capability.MODERATE);
        boolean newMember = !moderator && store.publishedCount(author.id(), premoderated) < premoderated;
        if (newMember && (Links.in(body) || (title != null && Links.in(title)))) {
            throw InputProblem.keyed(title != null && Links.in(title) ? "title" : "body", "forum.safety.noLinks", premoderated);
        }
        if (postId == null) {
            checkRate(author, newMember);
        }
        var verdict = new PostScreen.Verdict(newMember ? PostStatus.PENDING : PostStatus.PUBLISHED, body,
                newMember ? "new member" : null);
        for (PostScreen screen : screens.orderedStream().toList()) {
            var next = screen.screen(new PostScreen.Candidate(author.id(), topicId, postId,
                    verdict.title() != null ? verdict.title() : title, verdict.body(), newMember));
            verdict = new PostScreen.Verdict(stricter(verdict.status(), next.status()),
                    next.title() != null ? next.title() : verdict.title(), next.body(),
                    next.reason() != null ? next.reason() : verdict.reason(),
                    moreUrgent(verdict.raise(), next.raise()), stronger(verdict.filters(), next.filters()));
        }
        return verdict;
    }

    /** Posts a minute for everyone, and an hour for new members, counted in the database under the writer's lock. */
    private void checkRate(VillageUser author, boolean newMember) {
        Instant now = clock.instant();
        store.lockWriter(author.id());
        if (store.postsSince(author.id(), now.minus(Duration.ofMinutes(1))) >= perMinute) {
            throw InputProblem.keyed("body", "forum.safety.tooFast", perMinute);
        }
        if (newMember && store.postsSince(author.id(), now.minus(Duration.ofHours(1))) >= newMemberPerHour) {
            throw InputProblem.keyed("body", "forum.safety.newMemberHour", newMemberPerHour);
        }
    }

    private static boolean urgent(PostScreen.Verdict verdict) {
        return verdict.raise() != null && verdict.raise().kind() == org.village.moderation.CaseKind.URGENT;
    }

    private static PostStatus stricter(PostStatus a, PostStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b; // PUBLISHED < PENDING < HELD
    }

    private static PostScreen.Case moreUrgent(PostScreen.Case a, PostScreen.Case b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.kind().ordinal() < a.kind().ordinal() ? b : a; // URGENT first
    }

    private static org.village.moderation.Verdict stronger(org.village.moderation.Verdict a, org.village.moderation.Verdict b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.outcome().compareTo(a.outcome()) > 0 ? b : a;
    }

    /**
     * Opens the case a screen asked for, now that the post has its id (same transaction: no post without its case).
     * A new post's HELD and PENDING cases are opened by moderation from {@link PostPending}; URGENT and REPORTED
     * (flagged, yet published) are opened here, and an edit raises whatever it found (raising twice keeps one case).
     */
    private void raise(long postId, long authorId, PostScreen.Verdict verdict, boolean edit) {
        if (verdict.raise() == null || (!edit && verdict.raise().kind() == org.village.moderation.CaseKind.HELD)) {
            return;
        }
        moderation.getObject().raise(Subject.forumPost(postId), authorId, verdict.raise().kind(), verdict.raise().reason(), verdict.raise().risk());
    }

    private void announce(long postId, long topicId, long categoryId, long authorId, PostScreen.Verdict verdict,
                          boolean reply, Long quotedAuthor, long topicAuthor, boolean approved) {
        if (verdict.status() == PostStatus.PUBLISHED) {
            events.publishEvent(new PostPublished(postId, topicId, categoryId, authorId, reply, approved));
            if (reply) {
                events.publishEvent(new ReplyPosted(postId, topicId, categoryId, authorId, topicAuthor, quotedAuthor));
            }
        } else if (!urgent(verdict)) {
            // an urgent post is announced by its URGENT case (UrgentRaised), not as one more post in the ordinary queue
            events.publishEvent(new PostPending(postId, topicId, authorId, verdict.status(), verdict.reason(), false));
        }
    }

    /** Text as it will be kept: direction overrides and invisible characters out, line ends made plain. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return org.village.shared.HiddenMarks.strip(text);
    }

    private static void checkBody(String body) {
        if (body.isBlank()) {
            throw InputProblem.keyed("body", "forum.problem.empty");
        }
        if (body.length() > ContentPolicy.FORUM_POST.maxChars()) {
            throw InputProblem.keyed("body", "forum.problem.tooLong", body.length(), ContentPolicy.FORUM_POST.maxChars());
        }
        ContentRenderer.html(body, ContentPolicy.FORUM_POST); // refuses nesting too deep
    }

    private static String token(String clientToken) {
        if (clientToken == null || clientToken.isBlank() || clientToken.length() > 64) {
            throw new IllegalArgumentException("Each form needs its own token");
        }
        return clientToken;
    }

    // ---- reactions and follows ----

    /** Gives or takes back a reaction; giving twice counts once. Only on posts the reader may see, not their own. */
    public void react(long postId, Reaction kind, boolean on) {
        VillageUser me = member();
        var post = store.visiblePost(postId, reader(me)).filter(p -> p.status() == PostStatus.PUBLISHED)
                .orElseThrow(() -> InputProblem.keyed("post", "forum.problem.noPost"));
        if (on) {
            store.react(post.id(), me.id(), kind, clock.instant());
        } else {
            store.unreact(post.id(), me.id(), kind);
        }
    }

    public void followTopic(long topicId, boolean follow) {
        VillageUser me = member();
        store.topic(topicId, reader(me)).orElseThrow(() -> InputProblem.keyed("topic", "forum.problem.noTopic"));
        store.followTopic(me.id(), topicId, follow, clock.instant());
    }

    public void followCategory(long categoryId, boolean follow) {
        VillageUser me = member();
        store.category(categoryId, me.id()).orElseThrow(() -> InputProblem.keyed("category", "forum.problem.noCategory"));
        store.followCategory(me.id(), categoryId, follow, clock.instant());
    }

    /** Accounts following a topic (for notification; ids only). */
    public List<Long> followersOf(long topicId) {
        return store.topicFollowers(topicId);
    }

    /** Accounts following a category (for notification; ids only). */
    public List<Long> categoryFollowersOf(long categoryId) {
        return store.categoryFollowers(categoryId);
    }

    // ---- moderation's hooks ----

    /**
     * A moderator moves a post from the status they saw to another (approve: PENDING or HELD to PUBLISHED; hide;
     * delete). False when someone else acted first. Publishing announces the post as if it had just been written.
     */
    public boolean moderate(long postId, PostStatus from, PostStatus to, String reason) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators change a post's status");
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            PostRow post = store.postForUpdate(postId).orElse(null);
            if (post == null || !store.changeStatus(postId, from, to)) {
                return false;
            }
            TopicRow topic = store.topicForUpdate(post.topicId()).orElseThrow();
            store.refreshTopic(topic.id());
            boolean reply = store.countBefore(topic.id(), postId, new Reader(me.id(), true)) > 0;
            events.publishEvent(new PostStatusChanged(postId, topic.id(), post.authorId(), from, to, reason, me.actor()));
            // whichever way a moderator decides (here or in the queue), the item's open cases close
            moderation.getObject().settled(Subject.forumPost(postId), to.name());
            if (to == PostStatus.PUBLISHED) {
                Long quotedAuthor = post.quotedId() == null ? null : store.post(post.quotedId()).map(PostRow::authorId).orElse(null);
                announce(postId, topic.id(), topic.categoryId(), post.authorId(), PostScreen.Verdict.publish(post.body()),
                        reply, quotedAuthor, topic.authorId(), true);
            }
            store.stamp(List.of(postId));
            return true;
        }));
    }

    /** True when the signed-in person may approve, hide or lock (the MODERATE capability). */
    public boolean canModerate() {
        return member().can(Capability.MODERATE);
    }

    /** Posts waiting for a moderator, oldest first, and how many there are in all (moderators only). */
    public Waiting waitingForModerator(int limit) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators see the posts waiting for them");
        }
        int bounded = Math.clamp(limit, 1, 200);
        return new Waiting(store.countWaiting(), store.waiting(bounded).stream()
                .map(w -> new Waiting.Post(w.postId(), w.topicId(), w.topicTitle(), w.authorName(), w.status(), w.createdAt()))
                .toList());
    }

    /** Posts waiting for a moderator. */
    public record Waiting(long total, List<Post> first) {
        public record Post(long postId, long topicId, String topicTitle, String authorName, PostStatus status,
                           java.time.Instant createdAt) {
        }
    }

    /** Locks or unlocks a topic (moderators): a locked topic takes no replies. */
    public void lock(long topicId, boolean locked) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators lock topics");
        }
        tx.executeWithoutResult(s -> {
            store.setLocked(topicId, locked);
            audit.record(me.actor(), locked ? "forum.topic-locked" : "forum.topic-unlocked", "forum-topic:" + topicId, null);
        });
    }

    /** Every earlier version of a post, oldest first (moderators). */
    public List<Revision> revisions(long postId) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators read earlier versions");
        }
        return store.revisions(postId).stream().map(r -> new Revision(r.id(), r.body(), r.createdAt())).toList();
    }

    // ---- search ----

    /**
     * Posts matching every telling word (or a synonym), misspellings forgiven, best first. The index only
     * suggests: each hit is read again from the database, so nobody sees a post they may not see.
     */
    public SearchResult search(String query, int limit) {
        VillageUser me = member();
        Reader r = reader(me);
        String q = query == null ? "" : query.strip();
        List<String> words = Words.telling(q);
        if (words.isEmpty()) {
            words = Words.of(q);
        }
        List<Set<String>> slots = searchSlots(q);
        if (slots.isEmpty()) {
            return new SearchResult(q, null, List.of());
        }
        int want = Math.clamp(limit, 1, 50);
        // over-fetch: posts the reader may not see (others' waiting posts, a few in a hundred) are dropped below
        List<Long> ids = index.search(slots, want * 3);
        Map<Long, ForumStore.SearchRow> rows = new HashMap<>();
        for (var row : store.searchRows(ids, r)) {
            rows.put(row.id(), row);
        }
        var hits = new ArrayList<SearchHit>();
        var seen = new LinkedHashSet<Long>();
        for (long id : ids) {
            var row = rows.get(id);
            if (row == null || !seen.add(id) || hits.size() >= want) {
                continue;
            }
            hits.add(new SearchHit(id, row.topicId(), row.title(), row.authorName(), snippet(row.body(), words),
                    row.createdAt(), row.status()));
        }
        return new SearchResult(q, null, hits);
    }

    /**
     * What a query asks for: one slot per telling word (or listed phrase) with its synonyms. A query of only little
     * words ("the", "what is it") still searches for them: a parent who typed them wants something.
     */
    public static List<Set<String>> searchSlots(String query) {
        List<String> words = Words.telling(query);
        if (!words.isEmpty()) {
            return Synonyms.standard().slots(words);
        }
        return Words.of(query).stream().limit(10).map(w -> (Set<String>) Set.of(w)).toList();
    }

    /** Brings this node's search index up to date now (tests, and a post just written on this node). */
    public void refreshSearch() {
        index.catchUp();
    }

    static String snippet(String body, List<String> words) {
        String plain = body.replaceAll("[>*_`#\\[\\]]", " ").replaceAll("\\s+", " ").strip();
        String lower = plain.toLowerCase(java.util.Locale.ROOT);
        int at = -1;
        for (String w : words) {
            at = lower.indexOf(w);
            if (at >= 0) {
                break;
            }
        }
        int start = Math.max(0, at < 0 ? 0 : at - 60);
        int end = Math.min(plain.length(), start + 200);
        return (start > 0 ? "…" : "") + plain.substring(start, end) + (end < plain.length() ? "…" : "");
    }

    // ---- moderation's actions (helper M; kept together here at the end) ----

    /** A member a moderator silenced (or whose account is suspended) may read but not write until the time passes. */
    private void refuseWhileSilenced(VillageUser me) {
        var until = moderation.getObject().silencedUntil(me.id());
        if (until.isPresent()) {
            throw InputProblem.keyed("body", "forum.problem.silenced", org.village.shared.Times.dateTime(until.get()));
        }
    }

    /**
     * A moderator replaces a post's text, keeping the earlier version with a note saying why. {@code expected} is the
     * status the moderator saw; false when the post changed since (another moderator, the author).
     */
    public boolean moderatorEdit(long postId, PostStatus expected, int version, String markdown, String note) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators change others' posts");
        }
        String body = clean(markdown);
        checkBody(body);
        return Boolean.TRUE.equals(tx.execute(s -> {
            PostRow post = store.postForUpdate(postId).orElse(null);
            if (post == null || post.status() != expected || post.version() != version) {
                return false;
            }
            store.insertModeratedRevision(postId, post.body(), post.editedAt() == null ? post.createdAt() : post.editedAt(), note);
            if (!store.updateBody(postId, version, body, post.status(), clock.instant())) {
                return false;
            }
            store.refreshTopic(post.topicId());
            store.stamp(List.of(postId));
            return true;
        }));
    }

    /**
     * Hides a published post because enough members reported it, until a moderator decides (no moderator is signed
     * in: moderation calls this when the last report arrives). False when it was no longer published.
     */
    public boolean hideAfterReports(long postId) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            PostRow post = store.postForUpdate(postId).orElse(null);
            if (post == null || !store.changeStatus(postId, PostStatus.PUBLISHED, PostStatus.HIDDEN)) {
                return false;
            }
            store.refreshTopic(post.topicId());
            store.stamp(List.of(postId));
            return true;
        }));
    }

    /** Pins or unpins a topic (moderators): pinned topics come first in their category. */
    public void pin(long topicId, boolean pinned) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators pin topics");
        }
        tx.executeWithoutResult(s -> {
            store.topicForUpdate(topicId).orElseThrow(() -> InputProblem.keyed("topic", "forum.problem.noTopic"));
            store.setPinned(topicId, pinned);
            audit.record(me.actor(), pinned ? "forum.topic-pinned" : "forum.topic-unpinned", "forum-topic:" + topicId, null);
        });
    }

    /** Moves a topic to another category (moderators). */
    public void move(long topicId, long categoryId) {
        VillageUser me = member();
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators move topics");
        }
        tx.executeWithoutResult(s -> {
            store.topicForUpdate(topicId).orElseThrow(() -> InputProblem.keyed("topic", "forum.problem.noTopic"));
            if (store.category(categoryId, me.id()).isEmpty()) {
                throw InputProblem.keyed("category", "forum.problem.noCategory");
            }
            long before = store.topicForUpdate(topicId).orElseThrow().categoryId();
            store.moveTopic(topicId, categoryId);
            audit.record(me.actor(), "forum.topic-moved", "forum-topic:" + topicId,
                    "category " + before + " to category " + categoryId);
        });
    }

    /** True when the topic is pinned (moderators' topic tools). */
    public boolean pinned(long topicId) {
        member();
        return store.pinned(topicId);
    }
}
