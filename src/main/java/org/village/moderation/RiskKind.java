package org.village.moderation;

/** What a risk phrase suggests. Any of them sends a post to the urgent queue. */
public enum RiskKind {
    /** Someone is in danger now. */
    DANGER_NOW,
    /** A child is missing. */
    CHILD_MISSING,
    /** Self-harm or suicide. */
    SELF_HARM,
    /** A threat to hurt someone. */
    THREAT
}
