package org.village.guides;

import org.village.shared.AuditLog.Actor;

/** A guide's draft went live (decision 066). Rendered pages are refreshed once this is committed. */
public record GuidePublished(long guideId, String slug, Actor by) {
}
