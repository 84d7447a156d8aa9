package org.village.directory;

import org.village.shared.AuditLog.Actor;

/**
 * An entry put on a child's team by mistake was taken off (decision 066). Holds ids only: no names of
 * children or families travel in events.
 */
public record TeamEntryRemoved(long familyId, long childId, long memberId, long serviceId, Actor by) {
}
