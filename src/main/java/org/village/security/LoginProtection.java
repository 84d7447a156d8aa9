package org.village.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;

/**
 * Slows down password guessing two ways. Per account (in the database, so every node agrees): after
 * {@code maxFailures} wrong passwords in a row the account is locked for {@code lockFor}. Per address
 * (also in the database, see {@link AddressThrottle}): {@code maxFailuresPerAddress} wrong passwords per
 * {@code addressWindow}.
 */
@Component
public class LoginProtection {

    private final UserAccountRepository accounts;
    private final AccountSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final AddressThrottle addresses;

    LoginProtection(UserAccountRepository accounts, AccountSettings settings, AuditLog audit, Clock clock,
                    AddressThrottle addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean addressBlocked(String address) {
        return addresses.blocked(address);
    }

    /** Records a wrong password; returns true when the account is now locked. */
    @Transactional
    public boolean failed(String username, String address) {
        addresses.failed(address);
        var account = username == null ? null : accounts.findByUsername(username.strip()).orElse(null);
        if (account == null) {
            audit.recordAlways(AuditLog.Actor.ANONYMOUS, "sign-in.failed", "unknown account", null);
            return false;
        }
        Instant lockUntil = clock.instant().plus(settings.lockFor());
        accounts.recordFailure(account.getUsername(), settings.maxFailures(), lockUntil);
        var after = accounts.findById(account.getId()).orElseThrow();
        boolean locked = after.getLockedUntil() != null && after.getLockedUntil().isAfter(clock.instant());
        audit.recordAlways(AuditLog.Actor.ANONYMOUS, "sign-in.failed", "account:" + account.getId(), null);
        if (locked && after.getFailedAttempts() == settings.maxFailures()) {
            audit.record(AuditLog.Actor.SYSTEM, "account.locked", "account:" + account.getId(),
                    "after " + settings.maxFailures() + " wrong passwords, until " + lockUntil);
        }
        return locked;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof VillageUser user) {
            accounts.recordSuccess(user.id(), clock.instant());
            audit.record(user.actor(), "sign-in", "account:" + user.id(), null);
        }
    }
}
