package org.village.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing per (typed sign-in name, address) pair, in the database so that every node
 * agrees. Someone guessing a parent's password slows down only their own attempts from their own address;
 * the parent signing in from anywhere else is not affected. A name that belongs to nobody is counted in
 * exactly the same way, so the answers never tell which names exist. Decision 036 explains the choice.
 * <p>
 * Each attempt is counted <em>before</em> its password is checked (one conditional upsert under the row
 * lock), so a burst of parallel guesses cannot slip past the limit; a sign-in that succeeds removes the pair.
 */
@Component
class NameAddressThrottle {

    private final JdbcClient jdbc;
    private final AccountSettings settings;
    private final Clock clock;
    private final AddressThrottle keys;

    NameAddressThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock, AddressThrottle keys) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Counts one attempt for this pair. Returns {@link Duration#ZERO} when the attempt may go on to the password
     * check, or how long the pair must still wait (the attempt is then refused and not counted).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Duration attempt(String name, String address) {
        Instant now = clock.instant();
        var at = Timestamp.from(now);
        var forgotten = Timestamp.from(now.minus(settings.pairMemory()));
        String nameHash = nameHash(name);
        String addressHash = keys.hash(address);
        // The wait that a pair's n-th failure in a row brings, chosen in SQL from the new count.
        var waitParams = new ArrayList<Object>();
        var waitCase = new StringBuilder("CASE WHEN failures <= ? THEN NULL");
        waitParams.add(settings.freeFailuresPerName());
        for (int i = 1; i < settings.waits().size(); i++) {
            waitCase.append(" WHEN failures = ? THEN ?");
            waitParams.add(settings.freeFailuresPerName() + i);
            waitParams.add(Timestamp.from(now.plus(settings.waits().get(i - 1))));
        }
        waitCase.append(" ELSE ? END");
        waitParams.add(Timestamp.from(now.plus(settings.waits().getLast())));
        Duration firstWait = settings.waitAfter(1);
        // MySQL and MariaDB assign left to right: 'let through' is decided on the old row, 'failures' on that.
        var params = new ArrayList<Object>(List.of(nameHash, addressHash, at));
        params.add(firstWait.isZero() ? null : Timestamp.from(now.plus(firstWait)));
        params.addAll(List.of(at, forgotten, forgotten));
        params.addAll(waitParams);
        params.add(at);
        jdbc.sql("""
                INSERT INTO sign_in_pair (name_hash, address_hash, failures, last_attempt_at, wait_until,
                                          last_attempt_let_through)
                VALUES (?, ?, 1, ?, ?, TRUE)
                ON DUPLICATE KEY UPDATE
                    last_attempt_let_through = (wait_until IS NULL OR wait_until <= ? OR last_attempt_at <= ?),
                    failures = IF(last_attempt_at <= ?, 1, IF(last_attempt_let_through, failures + 1, failures)),
                    wait_until = IF(last_attempt_let_through, %s, wait_until),
                    last_attempt_at = ?""".formatted(waitCase))
                .params(params).update();
        // still under our row lock, so this reads what our own statement decided
        return jdbc.sql("SELECT last_attempt_let_through, wait_until FROM sign_in_pair WHERE name_hash = ? AND address_hash = ?")
                .params(nameHash, addressHash)
                .query((rs, n) -> rs.getBoolean(1) ? Duration.ZERO
                        : Duration.between(now, rs.getTimestamp(2).toInstant()))
                .single();
    }

    /** How long this pair must wait before its next attempt, if it must. */
    @Transactional(readOnly = true)
    public Optional<Duration> waiting(String name, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT wait_until FROM sign_in_pair WHERE name_hash = ? AND address_hash = ? AND wait_until > ?")
                .params(nameHash(name), keys.hash(address), Timestamp.from(now))
                .query((rs, n) -> Duration.between(now, rs.getTimestamp(1).toInstant()))
                .optional();
    }

    /** True when this name must wait on at least one address (shown to staff as "paused after wrong passwords"). */
    @Transactional(readOnly = true)
    public boolean slowedAnywhere(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_pair WHERE name_hash = ? AND wait_until > ?")
                .params(nameHash(name), Timestamp.from(clock.instant())).query(Integer.class).single() > 0;
    }

    /** After a successful sign-in: this pair starts afresh. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String name, String address) {
        jdbc.sql("DELETE FROM sign_in_pair WHERE name_hash = ? AND address_hash = ?")
                .params(nameHash(name), keys.hash(address)).update();
    }

    /** After a new password is set through a reset link: old guessing no longer matters anywhere. */
    @Transactional
    public void forget(String name) {
        jdbc.sql("DELETE FROM sign_in_pair WHERE name_hash = ?").params(nameHash(name)).update();
    }

    /** Clears pairs that have been quiet for longer than they are remembered. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 90_000)
    @Transactional
    public int forgetQuietPairs() {
        Instant now = clock.instant();
        return jdbc.sql("DELETE FROM sign_in_pair WHERE last_attempt_at <= ? AND (wait_until IS NULL OR wait_until <= ?)")
                .params(Timestamp.from(now.minus(settings.pairMemory())), Timestamp.from(now)).update();
    }

    /** Sign-in names are compared without case (the database collation does the same), so hash them that way. */
    String nameHash(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.length() > 200) {
            n = n.substring(0, 200);
        }
        return keys.hash("name:" + n);
    }
}
