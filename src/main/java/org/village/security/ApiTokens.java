package org.village.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;
import org.village.shared.Tokens;
import org.village.shared.notices.NodeNotices;

/**
 * Tokens for clients other than the browser: the future phone app, the chat's STOMP API and booking's API
 * (decision 076). Issued for a sign-in name and password with exactly the web sign-in's protection (the same
 * address limit, the same per name-and-address waits, the same answers for real and unknown names). Only a hash
 * is stored. A token stops working when it expires, when it is revoked, and when its account is switched off or
 * its security stamp moves (new password, suspension, role change, "sign out everywhere"), on every node at once.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DaoAuthenticationProvider passwords;
    private final LoginProtection protection;
    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final AccountSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final NodeNotices notices;

    ApiTokens(DaoAuthenticationProvider passwords, LoginProtection protection, JdbcClient jdbc,
              UserAccountRepository accounts, AccountSettings settings, AuditLog audit, Clock clock,
              NodeNotices notices) {
        this.notices = notices;
        this.passwords = passwords;
        this.protection = protection;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and when it expires. The token is shown once; only its hash is kept. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** Why no token was given. {@code wait} is set for {@link Refusal#SLOW_DOWN} and {@link Refusal#WAIT}. */
    public static final class Refused extends RuntimeException {
        private final Refusal reason;
        private final Duration wait;

        Refused(Refusal reason, Duration wait) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.wait = wait;
        }

        public Refusal reason() {
            return reason;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    public enum Refusal {
        /** Wrong name or password (the same for names that belong to nobody). */
        WRONG,
        /** The right password for an account that is switched off. */
        SWITCHED_OFF,
        /** Too many wrong passwords from this address lately, for any names. */
        SLOW_DOWN,
        /** This name must wait on this address. */
        WAIT
    }

    /**
     * Checks the name and password as the sign-in form does and returns a new token, or throws {@link Refused}.
     * {@code address} is the client's address (for throttling only; it is stored only as a keyed hash).
     */
    public Issued issue(String username, String password, String address) {
        String name = username == null ? "" : username.strip();
        if (protection.addressBlocked(address)) {
            throw new Refused(Refusal.SLOW_DOWN, Duration.ofMinutes(settings.addressWindow().toMinutes()));
        }
        var wait = protection.attempt(name, address);
        if (!wait.isZero()) {
            throw new Refused(Refusal.WAIT, wait);
        }
        VillageUser user;
        try {
            var result = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                    password == null ? "" : password));
            user = (VillageUser) result.getPrincipal();
        } catch (DisabledException off) {
            // only reached with the right password, as on the sign-in form: not counted as a wrong password
            throw new Refused(Refusal.SWITCHED_OFF, Duration.ZERO);
        } catch (BadCredentialsException wrong) {
            var now = protection.failed(name, address);
            throw now.map(d -> new Refused(Refusal.WAIT, d)).orElseGet(() -> new Refused(Refusal.WRONG, Duration.ZERO));
        } catch (AuthenticationException other) {
            protection.failed(name, address);
            throw new Refused(Refusal.WRONG, Duration.ZERO);
        }
        protection.succeededFromApp(user, address);
        return store(user);
    }

    private Issued store(VillageUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.apiTokenLifetime());
        jdbc.sql("""
                INSERT INTO api_token (token_hash, account_id, security_stamp, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(Tokens.sha256(token), user.id(), user.securityStamp(), Timestamp.from(now), Timestamp.from(expires))
                .update();
        audit.record(user.actor(), "api-token.issued", "account:" + user.id(), null);
        return new Issued(token, expires);
    }

    /**
     * The person a token stands for, when the token is good now: not revoked, not expired, account switched on and
     * its stamp unchanged. One indexed read.
     */
    @Transactional(readOnly = true)
    public Optional<VillageUser> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return authenticateByHash(hash(token));
    }

    /** {@link #authenticate} for a token already {@link #hash hashed} (an open connection keeps only the hash). */
    @Transactional(readOnly = true)
    public Optional<VillageUser> authenticateByHash(String tokenHash) {
        return checkByHash(tokenHash).map(Checked::user);
    }

    /** A good token's person and when the token expires (known here, so that needs no read later). */
    public record Checked(VillageUser user, Instant expiresAt) {
    }

    /** {@link #authenticate}, with when the token expires: an open connection may vouch for it until then. */
    @Transactional(readOnly = true)
    public Optional<Checked> check(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return checkByHash(hash(token));
    }

    private Optional<Checked> checkByHash(String tokenHash) {
        if (tokenHash == null) {
            return Optional.empty();
        }
        record Row(long account, Instant expires) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT t.account_id, t.expires_at FROM api_token t JOIN user_account a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
                  AND a.enabled = TRUE AND a.security_stamp = t.security_stamp""")
                .params(tokenHash, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional();
        return row.flatMap(r -> accounts.findById(r.account()).map(a -> new Checked(new VillageUser(a.getId(),
                a.getUsername(), a.getDisplayName(), a.getRoles(), a.getFamilyId(), a.isEnabled(), a.getSecurityStamp(),
                null), r.expires())));
    }

    /**
     * True while this token still works for this account as it was when it was checked first: not expired, not
     * revoked, the account switched on and its stamp unchanged. One indexed read and no transaction, for an open
     * connection that checks its token again on every frame (decision 087).
     */
    public boolean stillGood(String token, long accountId) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        return stillGoodByHash(hash(token), accountId);
    }

    /** What a token is stored as: an open connection keeps this, so each frame's check need not hash it again. */
    public static String hash(String token) {
        return Tokens.sha256(token.strip());
    }

    /**
     * Of these token hashes, the ones that still work, each with its account: as {@link #stillGood}, for many open
     * connections at once (one read per 500 hashes instead of one per connection).
     */
    public Map<String, Long> stillGoodByHash(java.util.Collection<String> tokenHashes) {
        var good = new java.util.HashMap<String, Long>();
        var all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(tokenHashes));
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < all.size(); from += 500) {
            var chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            var params = new java.util.ArrayList<Object>(chunk);
            params.add(now);
            jdbc.sql("SELECT t.token_hash, t.account_id FROM api_token t JOIN user_account a ON a.id = t.account_id"
                            + " WHERE t.token_hash IN (" + marks + ") AND t.revoked_at IS NULL AND t.expires_at > ?"
                            + " AND a.enabled = TRUE AND a.security_stamp = t.security_stamp")
                    .params(params).query((rs, n) -> good.put(rs.getString(1), rs.getLong(2))).list();
        }
        return good;
    }

    /** {@link #stillGood} for a token already {@link #hash hashed}. */
    public boolean stillGoodByHash(String tokenHash, long accountId) {
        if (tokenHash == null) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_token t JOIN user_account a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.account_id = ? AND t.revoked_at IS NULL AND t.expires_at > ?
                  AND a.enabled = TRUE AND a.security_stamp = t.security_stamp""")
                // an Instant, not a Timestamp: the driver formats it without building a SimpleDateFormat (every frame)
                .params(tokenHash, accountId, clock.instant())
                .query(Integer.class).single() > 0;
    }

    /** Revokes this one token (signing out of the app). True when it was good until now. */
    @Transactional
    public boolean revoke(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        var user = authenticate(token);
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), Tokens.sha256(token.strip())).update();
        user.ifPresent(u -> audit.record(u.actor(), "api-token.revoked", "account:" + u.id(), null));
        // every node drops its vouch for this token and closes connections made with it, once this commits
        user.ifPresent(u -> notices.publish(new NodeNotices.Notice(NodeNotices.TOKEN, u.id(), hash(token))));
        return changed == 1 && user.isPresent();
    }

    /** Revokes every token of an account (for example when a worker suspects a lost phone). */
    @Transactional
    public int revokeAll(long accountId) {
        int revoked = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), accountId).update();
        notices.publish(new NodeNotices.Notice(NodeNotices.ACCOUNT, accountId, null));
        return revoked;
    }

    /** Tokens a week past expiry are forgotten. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetExpired() {
        jdbc.sql("DELETE FROM api_token WHERE expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).update();
    }
}
