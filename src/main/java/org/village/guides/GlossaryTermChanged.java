package org.village.guides;

import org.village.shared.AuditLog.Actor;

/**
 * A jargon-buster term was added or changed (decision 066). Every rendered page may mark it, so the glossary
 * and page caches are refreshed once this is committed.
 */
public record GlossaryTermChanged(long termId, String term, Actor by) {
}
