package org.village.security;

import java.time.Duration;

/**
 * Too many wrong passwords for an account from one address: that address must wait before trying this account
 * again (decision 036; other addresses are never locked out). Published so that later features (notifications)
 * can tell the account holder; ids only (decision 066).
 */
public record AccountLocked(long accountId, Duration waitFor) {
}
