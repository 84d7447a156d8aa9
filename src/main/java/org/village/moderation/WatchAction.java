package org.village.moderation;

/** What happens to a post with a watched word in it. */
public enum WatchAction {
    /** Not posted; the writer is told the reason the worker gave. */
    BLOCK,
    /** Kept for a moderator to look at before anyone else sees it. */
    HOLD,
    /** Posted, and put in front of a moderator afterwards. */
    FLAG,
    /** Posted with the word replaced by ***. */
    MASK
}
