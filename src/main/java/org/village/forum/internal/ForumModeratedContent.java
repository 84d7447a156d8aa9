package org.village.forum.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.village.forum.ForumService;
import org.village.forum.PostPending;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.ModeratedContent;
import org.village.moderation.ModerationQueue;
import org.village.moderation.Subject;

/**
 * The forum's side of moderation: moderators see a post in its topic with the posts just before it, the writer's
 * history, and their decisions become the forum's conditional status changes. Moderation checks MODERATE before it
 * calls; {@link ForumService} checks again for everything a moderator does.
 */
@Component
class ForumModeratedContent implements ModeratedContent {

    static final int CONTEXT = 3;

    private final ForumStore store;
    private final ForumService forum;
    private final ModerationQueue queue;

    ForumModeratedContent(ForumStore store, ForumService forum, ModerationQueue queue) {
        this.store = store;
        this.forum = forum;
        this.queue = queue;
    }

    @Override
    public String kind() {
        return Subject.FORUM_POST;
    }

    @Override
    public Optional<Item> find(long id) {
        return store.post(id).map(this::item);
    }

    private Item item(ForumStore.PostRow p) {
        var topic = store.topic(p.topicId(), new ForumStore.Reader(0, true)).orElseThrow();
        List<String> before = store.postsBefore(p.topicId(), p.id(), CONTEXT).stream()
                .map(b -> ModeratedContent.contextLine(b.authorName(), b.body())).toList();
        return new Item(Subject.forumPost(p.id()), p.authorId(), p.authorName(),
                topic.categoryName() + " › " + topic.title(), p.body(), p.status().name(), p.createdAt(),
                "forum/topic/" + p.topicId() + "?post=" + p.id(), before);
    }

    @Override
    public List<Item> byAuthor(long authorId, int limit) {
        return store.postsByAuthor(authorId, ModeratedContent.historyLimit(limit)).stream().map(this::item).toList();
    }

    @Override
    public Outcome apply(long id, String expectedState, Decision decision) {
        return ModeratedContent.applyFrom(store.post(id), expectedState, PostStatus::valueOf, (post, from) ->
                switch (decision.action()) {
                    case APPROVE -> from != PostStatus.PUBLISHED && forum.moderate(id, from, PostStatus.PUBLISHED, decision.reason());
                    case HIDE -> from != PostStatus.HIDDEN && forum.moderate(id, from, PostStatus.HIDDEN, decision.reason());
                    case DELETE -> from != PostStatus.DELETED && forum.moderate(id, from, PostStatus.DELETED, decision.reason());
                    case EDIT -> post.status() == from
                            && forum.moderatorEdit(id, from, post.version(), decision.newBody(), decision.reason());
                    case AUTO_HIDE -> from == PostStatus.PUBLISHED && forum.hideAfterReports(id);
                });
    }

    @Override
    public Optional<Place> place(long id) {
        return store.post(id).flatMap(p -> store.topic(p.topicId(), new ForumStore.Reader(0, true)))
                .map(t -> new Place(t.id(), t.title(), t.locked(), store.pinned(t.id()), t.categoryId(),
                        store.categories(0).stream().map(c -> new Group(c.id(), c.name())).toList()));
    }

    /** Through ForumService, which checks MODERATE and writes the same audit line as the topic page's tools. */
    @Override
    public void actOnPlace(long id, PlaceAction action, long target) {
        long topicId = store.post(id).map(ForumStore.PostRow::topicId)
                .orElseThrow(() -> org.village.shared.InputProblem.keyed("topic", "forum.problem.noTopic"));
        switch (action) {
            case LOCK -> forum.lock(topicId, true);
            case UNLOCK -> forum.lock(topicId, false);
            case PIN -> forum.pin(topicId, true);
            case UNPIN -> forum.pin(topicId, false);
            case MOVE -> forum.move(topicId, target);
        }
    }

    /**
     * A post waits for a moderator: its case is opened in the writer's transaction (this listener runs inside it),
     * so the case exists exactly when the post does. Raising again keeps the one open case.
     */
    @EventListener
    void on(PostPending pending) {
        CaseKind kind = pending.status() == PostStatus.HELD ? CaseKind.HELD : CaseKind.PENDING;
        queue.raise(Subject.forumPost(pending.postId()), pending.authorId(), kind, pending.reason(), null);
    }
}
