package org.village.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;

/**
 * Slows down password guessing two ways. Per account (in the database, so every node agrees): after
 * {@code maxFailures} wrong passwords in a row the account is locked for {@code lockFor}. Per address
 * (Bucket4j, in memory on each node): {@code maxFailuresPerAddress} wrong passwords per {@code addressWindow}.
 */
@Component
public class LoginProtection {

    private final UserAccountRepository accounts;
    private final AccountSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginProtection(UserAccountRepository accounts, AccountSettings settings, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean addressBlocked(String address) {
        var bucket = addresses.get(address);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** Records a wrong password; returns true when the account is now locked. */
    @Transactional
    public boolean failed(String username, String address) {
        bucket(address).tryConsume(1);
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

    /** Forget addresses whose buckets are full again, so the map cannot grow without bound. */
    @Scheduled(fixedDelay = 600_000)
    void forgetQuietAddresses() {
        long full = settings.maxFailuresPerAddress();
        addresses.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= full);
    }

    private Bucket bucket(String address) {
        return addresses.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.maxFailuresPerAddress())
                        // a fixed window: the allowance comes back whole once the window has passed
                        .refillIntervally(settings.maxFailuresPerAddress(), settings.addressWindow()).build())
                .build());
    }
}
