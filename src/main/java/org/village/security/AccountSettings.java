package org.village.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code village.accounts.*}: how long codes last and when sign-in is slowed down. */
@ConfigurationProperties("village.accounts")
public record AccountSettings(
        @DefaultValue("7d") Duration invitationValidFor,
        @DefaultValue("24h") Duration resetValidFor,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("10m") Duration addressWindow,
        @DefaultValue("12h") Duration absoluteSessionTimeout) {
}
