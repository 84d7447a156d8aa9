package org.village.forum;

/**
 * A post became readable by everyone signed in: at once, or when a moderator approved it ({@code approved}).
 * {@code reply} is false for the post that opened the topic.
 */
public record PostPublished(long postId, long topicId, long categoryId, long authorId, boolean reply, boolean approved) {
}
