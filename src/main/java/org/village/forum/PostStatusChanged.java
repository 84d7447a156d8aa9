package org.village.forum;

import org.village.shared.AuditLog.Actor;

/** A moderator changed a post's status (approve, hide, delete); {@code reason} is shown to the author when hidden. */
public record PostStatusChanged(long postId, long topicId, long authorId, PostStatus from, PostStatus to, String reason,
                                Actor by) {
}
