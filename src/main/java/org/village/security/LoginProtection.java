package org.village.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;

/**
 * Slows down password guessing without letting anyone lock a parent out (decision 036). Per address (in the
 * database, see {@link AddressThrottle}): {@code maxFailuresPerAddress} wrong passwords per {@code addressWindow}
 * for any names. Per (typed name, address) pair ({@link NameAddressThrottle}): a few free tries, then waits
 * that grow. A name that belongs to nobody is treated exactly like a real one.
 */
@Component
public class LoginProtection {

    /** Session attribute: the sign-in name typed in the last attempt that failed (the sign-in page shows it again). */
    public static final String TYPED_NAME = "village.sign-in.typed-name";

    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final AddressThrottle addresses;
    private final NameAddressThrottle pairs;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LoginProtection(UserAccountRepository accounts, AuditLog audit, Clock clock,
                    AddressThrottle addresses, NameAddressThrottle pairs, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.addresses = addresses;
        this.audit = audit;
        this.clock = clock;
        this.pairs = pairs;
        this.jdbc = jdbc;
    }

    public boolean addressBlocked(String address) {
        return addresses.blocked(address);
    }

    /**
     * Before the password is checked: counts the attempt for this (name, address) pair and says how long it must
     * still wait ({@link Duration#ZERO}: go ahead). The same for real and unknown names.
     */
    public Duration attempt(String username, String address) {
        return pairs.attempt(username, address);
    }

    /**
     * Records a wrong password (or a switched-off account) for the address; returns how long this name must now
     * wait on this address, if it must. Real and unknown names run the same statements.
     */
    @Transactional
    public Optional<Duration> failed(String username, String address) {
        addresses.failed(address);
        // one read either way, so an unknown name costs the same as a real one
        Optional<Long> id = jdbc.sql("SELECT id FROM user_account WHERE username = ?")
                .param(username == null ? "" : username.strip()).query(Long.class).optional();
        String target = id.map(i -> "account:" + i).orElse("unknown account");
        audit.recordAlways(AuditLog.Actor.ANONYMOUS, "sign-in.failed", target, null);
        var wait = pairs.waiting(username, address);
        if (wait.isPresent() && id.isPresent()) {
            // waits bound how often this can happen (a few times an hour per address), so it is not noise
            audit.record(AuditLog.Actor.SYSTEM, "sign-in.slowed", target,
                    "wrong passwords from one address; it waits " + minutesUp(wait.get()) + " min before trying this name again");
            events.publishEvent(new AccountLocked(id.get(), wait.get()));
        }
        return wait;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof VillageUser user) {
            accounts.recordSuccess(user.id(), clock.instant());
            if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
                pairs.succeeded(user.getUsername(), details.getRemoteAddress());
            }
            audit.record(user.actor(), "sign-in", "account:" + user.id(), null);
        }
    }

    /** A sign-in from the app's token endpoint (not the form): the same records as {@link #succeeded}. */
    @Transactional
    void succeededFromApp(VillageUser user, String address) {
        accounts.recordSuccess(user.id(), clock.instant());
        pairs.succeeded(user.getUsername(), address);
        audit.record(user.actor(), "sign-in", "account:" + user.id(), "app");
    }

    /** The shape every sign-in name has (see {@code Names}): letters, digits, dots, dashes, underscores, 3 to 60. */
    public static boolean couldBeASignInName(String name) {
        return name != null && name.matches("[A-Za-z0-9._-]{3,60}");
    }

    /** Whole minutes, rounded up, at least one: what a person is told to wait. */
    public static long minutesUp(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
