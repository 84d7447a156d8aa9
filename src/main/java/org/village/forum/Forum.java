package org.village.forum;

import java.time.Instant;
import java.util.List;

/** The forum's values, as its views and other features see them. Names are display names only. */
public final class Forum {

    private Forum() {
    }

    /** What a reaction says. One of each per person per post. */
    public enum Reaction { HELPED, ME_TOO }

    public record Category(long id, String code, String name, String description, long topics, long posts,
                           boolean followed) {
    }

    public record TopicSummary(long id, long categoryId, String title, String startedBy, int replies,
                               Instant lastPostAt, boolean locked, boolean unread, PostStatus status, boolean sample) {
    }

    /** One page of a category's topics, newest activity first. */
    public record TopicList(Category category, List<TopicSummary> topics, int page, int pages) {
    }

    /**
     * A post as the reader may see it. {@code html} is sanitised with glossary terms marked; {@code markdown} is
     * the text as written (for quoting and editing). {@code editableUntil} is null when the reader may not edit it.
     */
    public record PostView(long id, long topicId, String authorName, boolean mine, String html, String markdown,
                           PostStatus status, Instant createdAt, Instant editedAt, Instant editableUntil, int version,
                           long helped, long meToo, boolean iHelped, boolean iMeToo, boolean unread, boolean sample) {
    }

    public record Topic(long id, long categoryId, String categoryName, String title, String startedBy,
                        boolean locked, boolean followed, PostStatus status, boolean sample) {
    }

    /** One page of a topic's posts in the order written. {@code firstUnread} is the page's first new post, or null. */
    public record TopicPage(Topic topic, List<PostView> posts, int page, int pages, Long firstUnread) {
    }

    /** A new topic. {@code clientToken} is made once per form, so a double submit saves one topic. */
    public record NewTopic(long categoryId, String title, String body, String clientToken) {
    }

    /** A reply; {@code quotedId} is the post quoted, if any. */
    public record NewReply(long topicId, String body, Long quotedId, String clientToken) {
    }

    /**
     * What saving did: the post's id, its topic and its status (PENDING or HELD means waiting for a moderator), and
     * what the text filters found ({@code filters}, null when none ran or the post had been saved already), so the
     * writer is told what was held and how to rewrite it, or shown help now when the post was urgent.
     */
    public record Saved(long postId, long topicId, PostStatus status, org.village.moderation.Verdict filters) {
        public Saved(long postId, long topicId, PostStatus status) {
            this(postId, topicId, status, null);
        }

        /** A risk phrase: the writer sees 999 and help now, and a worker reads the post now. */
        public boolean urgent() {
            return filters != null && filters.urgent();
        }
    }

    public record SearchHit(long postId, long topicId, String topicTitle, String authorName, String snippet,
                            Instant createdAt, PostStatus status) {
    }

    /** {@code corrected} is the spelling searched for when words were not found as typed, or null. */
    public record SearchResult(String query, String corrected, List<SearchHit> hits) {
    }

    /** An earlier version of a post, for moderators. */
    public record Revision(long postId, String body, Instant writtenAt) {
    }
}
