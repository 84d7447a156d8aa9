package org.village.moderation;

/** Why a member reports something, in the words they choose from. */
public enum ReportReason {
    UNKIND,
    NOT_SAFE,
    PERSONAL_DETAILS,
    SPAM,
    WORRIED,
    OTHER
}
