package org.village.directory;

import org.village.shared.AuditLog.Actor;

/** A withdrawn service was put back in the public directory, exactly as it was (decision 066). */
public record ServiceRestored(long serviceId, String serviceName, Actor by) {
}
