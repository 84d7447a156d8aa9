package org.village.forum;

/** Where a post stands. Only {@link #PUBLISHED} posts are read by everyone; authors also see their own waiting ones. */
public enum PostStatus {
    /** Everyone signed in reads it. */
    PUBLISHED,
    /** Waiting for a moderator (a new member's first posts). */
    PENDING,
    /** Held by a filter until a moderator decides. */
    HELD,
    /** Hidden by a moderator or by reports. */
    HIDDEN,
    /** Soft-deleted: gone for readers, kept for moderators. */
    DELETED;

    /** The author still sees it, marked as waiting. */
    public boolean waiting() {
        return this == PENDING || this == HELD;
    }
}
