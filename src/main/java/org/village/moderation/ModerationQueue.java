package org.village.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other modules (forum, chat) tell moderation, and ask of it. Implemented in {@code moderation.internal}. Every
 * method checks who is signed in where it matters; the queue itself, its items and actions are for people with the
 * MODERATE capability only.
 */
public interface ModerationQueue {

    /**
     * Puts an item in the queue, or keeps the one case already open for this subject and kind (raising twice opens
     * one case). Raising {@link CaseKind#URGENT} publishes {@link UrgentRaised}. Called inside the writer's
     * transaction, so the case exists exactly when the item does.
     *
     * @param reason for moderators only (which filter, which words); never shown to other parents
     * @param risk   what the risk phrase suggests, only for URGENT (else null)
     * @return the case id
     */
    long raise(Subject subject, long authorId, CaseKind kind, String reason, RiskKind risk);

    /**
     * The item was decided outside the queue (a moderator approved it on the topic page, or the author deleted it):
     * its open cases are closed with this outcome, and the audit log says who.
     */
    void settled(Subject subject, String outcome);

    /** When a member may write again, if a moderator silenced them or their account is suspended. */
    Optional<Instant> silencedUntil(long accountId);

    /** Open cases per kind (MODERATE only). */
    Counts counts();

    /** The newest open cases of this kind first, at most {@code limit} (1 to 200; MODERATE only). */
    List<CaseLine> recent(CaseKind kind, int limit);
}
