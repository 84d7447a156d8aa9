package org.village.directory;

import org.village.shared.AuditLog.Actor;

/**
 * A service was taken out of the public directory (decision 066). Published after the change is saved; the
 * audit trail and, later, notifications react to it. {@code reason} is what the admin wrote, or null.
 */
public record ServiceWithdrawn(long serviceId, String serviceName, String reason, Actor by) {
}
