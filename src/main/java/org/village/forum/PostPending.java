package org.village.forum;

/**
 * A post waits for a moderator: {@code status} is PENDING (a new member's first posts) or HELD (a filter held
 * it, {@code reason} says why, for moderators). The author sees it marked "waiting for a moderator".
 */
public record PostPending(long postId, long topicId, long authorId, PostStatus status, String reason, boolean edit) {
}
