package org.village.moderation;

/** Why something waits in the moderation queue, most urgent first. */
public enum CaseKind {
    /** A risk phrase: danger now, a child missing, self-harm or suicide, a threat. Goes to the worker on duty live. */
    URGENT,
    /** Members reported it. */
    REPORTED,
    /** A filter held it (personal details, a watched word set to hold). */
    HELD,
    /** A new member's first posts, waiting for approval. */
    PENDING
}
