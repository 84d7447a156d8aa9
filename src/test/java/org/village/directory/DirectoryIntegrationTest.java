package org.village.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.village.security.VillageUser;
import org.village.shared.Times;

/**
 * Spring Boot tests of the directory against a real embedded MariaDB (a fresh temporary folder) with the
 * demo accounts and sample services. Every subclass shares one context, so one database start.
 * The clock can be set, for "open now".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestPropertySource(properties = "village.db.embedded.folder=")
@Import(DirectoryIntegrationTest.ClockConfig.class)
public abstract class DirectoryIntegrationTest {

    @Autowired
    protected UserDetailsService users;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected SettableClock clock;

    @AfterEach
    void signOutAndResetClock() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    /** Acts as this demo account for the rest of the test (services read the SecurityContext). */
    protected VillageUser signIn(String username) {
        var user = (VillageUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    protected long familyId(String label) {
        return jdbc.sql("SELECT id FROM family WHERE label = ?").param(label).query(Long.class).single();
    }

    protected long childId(String name) {
        return jdbc.sql("SELECT id FROM child WHERE name = ?").param(name).query(Long.class).single();
    }

    protected int auditCount(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?").params(action, target)
                .query(Integer.class).single();
    }

    protected static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Times.ZONE).toInstant();
    }

    @TestConfiguration
    static class ClockConfig {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    /** The system clock unless a test sets a moment. */
    public static final class SettableClock extends Clock {
        private volatile Instant fixed;

        public void set(Instant at) {
            fixed = at;
        }

        void reset() {
            fixed = null;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant f = fixed;
            return f != null ? f : Instant.now();
        }
    }
}
