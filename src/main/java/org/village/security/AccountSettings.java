package org.village.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code village.accounts.*}: how long codes last and when sign-in is slowed down.
 * <ul>
 * <li>{@code freeFailuresPerName}: wrong passwords for one sign-in name from one address before that pair must
 *     wait; then each further wrong password waits the next of {@code waits} (the last one repeats).
 *     A pair is forgotten after {@code pairMemory} without attempts, or at once after a sign-in.</li>
 * <li>{@code maxFailuresPerAddress} per {@code addressWindow}: wrong passwords from one address for any names.</li>
 * <li>{@code apiTokenLifetime}: how long a token from {@code POST /api/auth/token} lasts (decision 076).</li>
 * </ul>
 */
@ConfigurationProperties("village.accounts")
public record AccountSettings(
        @DefaultValue("7d") Duration invitationValidFor,
        @DefaultValue("24h") Duration resetValidFor,
        @DefaultValue("4") int freeFailuresPerName,
        @DefaultValue({"1m", "2m", "4m", "8m", "15m"}) List<Duration> waits,
        @DefaultValue("1h") Duration pairMemory,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("10m") Duration addressWindow,
        @DefaultValue("12h") Duration absoluteSessionTimeout,
        @DefaultValue("30d") Duration apiTokenLifetime) {

    public AccountSettings {
        waits = waits == null || waits.isEmpty() ? List.of(Duration.ofMinutes(15)) : List.copyOf(waits);
    }

    /** The defaults, for tests and benchmarks that make their own throttles. */
    public static AccountSettings defaults() {
        return new AccountSettings(Duration.ofDays(7), Duration.ofHours(24), 4,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                        Duration.ofMinutes(15)),
                Duration.ofHours(1), 20, Duration.ofMinutes(10), Duration.ofHours(12), Duration.ofDays(30));
    }

    public AccountSettings withAddressLimit(int failures, Duration window) {
        return new AccountSettings(invitationValidFor, resetValidFor, freeFailuresPerName, waits, pairMemory, failures,
                window, absoluteSessionTimeout, apiTokenLifetime);
    }

    /** How long a (name, address) pair waits after its {@code failures}-th wrong password in a row. */
    public Duration waitAfter(int failures) {
        if (failures <= freeFailuresPerName) {
            return Duration.ZERO;
        }
        return waits.get(Math.min(failures - freeFailuresPerName, waits.size()) - 1);
    }
}
