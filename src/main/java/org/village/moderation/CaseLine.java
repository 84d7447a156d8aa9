package org.village.moderation;

import java.time.Instant;

/**
 * One open case as a line in a list (the queue's tabs, a worker's start page): what it is about, where, and since
 * when. {@code place} and {@code link} come from the module that owns the item; {@code excerpt} is the start of the
 * text, for moderators only.
 */
public record CaseLine(long caseId, Subject subject, CaseKind kind, RiskKind risk, Instant openedAt, long authorId,
                       String authorName, String place, String excerpt, String link, int reports) {
}
