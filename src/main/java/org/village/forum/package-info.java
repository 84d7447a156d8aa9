/**
 * The parent support forum: categories (a local group per area), topics and posts in Markdown under
 * {@code content}'s forum post policy, quotes, edits within a time window with every earlier version kept,
 * reactions, follows, unread markers and search that forgives misspellings (plain Lucene on each node, kept in
 * step from the database, decision 077).
 * <p>
 * Every post has a {@link org.village.forum.PostStatus}. {@link org.village.forum.ForumService} decides it in one
 * place when a post is written or edited: pre-moderation of a member's first posts, then any
 * {@link org.village.forum.PostScreen} (moderation's filters) (decision 078). It announces what happened as
 * past-tense events ({@link org.village.forum.PostPublished}, {@link org.village.forum.PostPending},
 * {@link org.village.forum.ReplyPosted}) for notification and moderation. Posts show display names only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forum",
        allowedDependencies = {"security", "content", "guides", "directory", "helpnow", "layout", "moderation", "notification",
                "shared"})
package org.village.forum;
