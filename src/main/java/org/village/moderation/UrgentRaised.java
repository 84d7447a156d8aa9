package org.village.moderation;

import java.time.Instant;

/**
 * Something written suggests danger now (a risk phrase) and waits, held, in the urgent queue. Published by moderation
 * when the case is opened; the duty rota listens and alerts the worker on duty (or e-mails the out-of-hours contact).
 */
public record UrgentRaised(long caseId, Subject subject, long authorId, RiskKind kind, Instant at) {
}
