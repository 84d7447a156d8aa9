package org.village.security;

import org.village.shared.AuditLog.Actor;

/** An admin switched an account off; its sessions have ended (decision 066). */
public record AccountSwitchedOff(long accountId, Actor by) {
}
