package org.village.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per address in a fixed window, in the database so that every node counts the
 * same attempts. One conditional upsert per failure: concurrent failures from many nodes are all counted
 * (the row lock serialises them) and a window that has passed starts again at 1. The address is stored
 * only as an HMAC under a key made for this installation, and rows are cleared once their window is over.
 */
@Component
class AddressThrottle {

    private static final String KEY_NAME = "sign-in-address";

    private final JdbcClient jdbc;
    private final AccountSettings settings;
    private final Clock clock;
    private volatile SecretKeySpec key;

    AddressThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Made or read at start, so that checking an address never has to write. */
    @jakarta.annotation.PostConstruct
    void loadKey() {
        key();
    }

    /** True when this address has used up its wrong passwords for the current window. */
    public boolean blocked(String address) {
        Instant now = clock.instant();
        Integer failures = jdbc.sql("SELECT failures FROM sign_in_address WHERE address_hash = ? AND window_started_at > ?")
                .params(hash(address), Timestamp.from(now.minus(settings.addressWindow())))
                .query(Integer.class).optional().orElse(0);
        return failures >= settings.maxFailuresPerAddress();
    }

    /** Counts one wrong password, in its own transaction so that a rolled-back caller still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String address) {
        Instant now = clock.instant();
        var windowOver = Timestamp.from(now.minus(settings.addressWindow()));
        // MySQL and MariaDB apply the assignments left to right: 'failures' is decided on the old window
        jdbc.sql("""
                INSERT INTO sign_in_address (address_hash, window_started_at, failures) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE
                    failures = IF(window_started_at <= ?, 1, failures + 1),
                    window_started_at = IF(window_started_at <= ?, ?, window_started_at)""")
                .params(hash(address), Timestamp.from(now), windowOver, windowOver, Timestamp.from(now))
                .update();
    }

    /** Clears rows whose window is over, so the table holds only the last few minutes. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    @Transactional
    public int forgetQuietAddresses() {
        return jdbc.sql("DELETE FROM sign_in_address WHERE window_started_at <= ?")
                .params(Timestamp.from(clock.instant().minus(settings.addressWindow())))
                .update();
    }

    String hash(String address) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        var k = key;
        if (k == null) {
            // the first node to get here makes the key; INSERT IGNORE keeps the first one, everyone reads it back
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT IGNORE INTO installation_key (name, secret, created_at) VALUES (?, ?, ?)")
                    .params(KEY_NAME, HexFormat.of().formatHex(fresh), Timestamp.from(clock.instant()))
                    .update();
            String secret = jdbc.sql("SELECT secret FROM installation_key WHERE name = ?").params(KEY_NAME)
                    .query(String.class).single();
            k = new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
