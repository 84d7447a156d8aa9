package org.village.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Implemented by every module whose content is moderated (the forum now, chat next) as a Spring bean, so that
 * moderation can show an item in the queue and carry out a decision without depending on those modules (they
 * depend on moderation). Each implementation checks nothing about who is asking: moderation checks the MODERATE
 * capability before it calls.
 */
public interface ModeratedContent {

    /** The {@link Subject#kind()} this bean answers for. */
    String kind();

    /** The item as a moderator sees it, whatever its state; empty when there is no such item. */
    Optional<Item> find(long id);

    /** The author's latest items of this kind, newest first, whatever their state (the author's history). */
    List<Item> byAuthor(long authorId, int limit);

    /**
     * Carries out a moderator's decision with a conditional update from {@code expectedState}, so when two moderators
     * act at once one wins and the other gets {@link Outcome#ALREADY_CHANGED}.
     */
    Outcome apply(long id, String expectedState, Decision decision);

    /**
     * The steps every {@link #apply} shares: {@link Outcome#GONE} when there is no such item;
     * {@link Outcome#ALREADY_CHANGED} when {@code expectedState} is not one of the owner's states ({@code state}
     * throws) or the owner's conditional change from it did not happen ({@code change} answers false).
     */
    static <T, S> Outcome applyFrom(Optional<T> item, String expectedState, Function<String, S> state,
                                    BiPredicate<T, S> change) {
        if (item.isEmpty()) {
            return Outcome.GONE;
        }
        S from;
        try {
            from = state.apply(expectedState);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Outcome.ALREADY_CHANGED;
        }
        return change.test(item.get(), from) ? Outcome.DONE : Outcome.ALREADY_CHANGED;
    }

    /** How many items of an author's history are read at most: 1 to 100, whatever is asked. */
    static int historyLimit(int limit) {
        return Math.clamp(limit, 1, 100);
    }

    /** The items before one, as the queue shows them: "author: words". */
    static String contextLine(String author, String body) {
        return author + ": " + body;
    }

    /**
     * The place the item is in (a forum topic) and what a moderator may do to it there, as the queue shows it; empty
     * when the item has no such place or it is gone.
     */
    default Optional<Place> place(long id) {
        return Optional.empty();
    }

    /**
     * Locks, unlocks, pins, unpins or moves the item's place ({@code target}: the group to move it to). The owner's
     * service checks the moderator again and writes the audit line, as when it is done in place.
     */
    default void actOnPlace(long id, PlaceAction action, long target) {
        throw new UnsupportedOperationException(kind() + " items have no place to act on");
    }

    /** A place (a forum topic) and the groups (forum categories) it may be moved to, its own among them. */
    record Place(long id, String name, boolean locked, boolean pinned, long groupId, List<Group> groups) {
    }

    record Group(long id, String name) {
    }

    enum PlaceAction {
        LOCK, UNLOCK, PIN, UNPIN, MOVE
    }

    /**
     * @param place  where it is, in words ("Police and court › Court next week")
     * @param state  the owner's own state name (PUBLISHED, PENDING, HELD, HIDDEN, DELETED for forum posts)
     * @param before the items just before it in its topic or room, oldest first, so it is read in context
     * @param link   the route that shows it in place (relative, no leading slash)
     */
    record Item(Subject subject, long authorId, String authorName, String place, String body, String state,
                Instant writtenAt, String link, List<String> before) {
    }

    /** What a moderator decided; {@code reason} is shown to the author for HIDE; {@code newBody} only for EDIT. */
    record Decision(Action action, String reason, String newBody, long moderatorId) {
    }

    enum Action {
        /** Publish it (from pending, held or hidden). */
        APPROVE,
        /** Replace the text, keeping the earlier version, with a note. */
        EDIT,
        /** Hide it from everyone but its author and moderators; the reason is shown to the author. */
        HIDE,
        /** Soft delete: gone for readers, kept for moderators. */
        DELETE,
        /** Hidden automatically after enough reports, until a moderator decides. */
        AUTO_HIDE
    }

    enum Outcome {
        DONE,
        /** Someone else acted first (or the author edited it): nothing was changed. */
        ALREADY_CHANGED,
        /** No such item. */
        GONE
    }
}
