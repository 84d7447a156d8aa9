package org.village.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccount;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Tokens;

/**
 * Production starts with one admin whose password is set at first start: from VILLAGE_ADMIN_PASSWORD if
 * given, otherwise on the /setup page with a one-time setup code printed to the log (the code is not
 * personal data; only its hash is stored, and it is deleted once used).
 */
@Service
public class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final String initialPassword;

    FirstAdmin(UserAccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, JdbcClient jdbc,
               AuditLog audit, Clock clock, @Value("${village.admin.initial-password:}") String initialPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.initialPassword = initialPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void atStart() {
        if (accounts.existsByRole(Roles.ADMIN)) {
            return;
        }
        if (!initialPassword.isBlank()) {
            var problem = policy.problem(initialPassword, "admin", "Admin");
            if (problem.isEmpty()) {
                create("admin", "Admin", initialPassword);
                log.info("Created the first admin account 'admin' with the password from VILLAGE_ADMIN_PASSWORD.");
                return;
            }
            log.warn("VILLAGE_ADMIN_PASSWORD was not used: {} Use the setup code below instead.", problem.get());
        }
        String code = Tokens.code(16);
        jdbc.sql("DELETE FROM setup_code").update();
        jdbc.sql("INSERT INTO setup_code (id, code_hash, created_at) VALUES (1, ?, ?)")
                .params(Tokens.sha256(code), Timestamp.from(clock.instant())).update();
        log.warn("\n\n  No admin account yet. Open /setup and enter this one-time setup code: {}\n", Tokens.grouped(code));
    }

    public boolean needed() {
        return !accounts.existsByRole(Roles.ADMIN);
    }

    /** Makes the first admin if the setup code is right; the code is removed in the same transaction. */
    @Transactional
    public void setUp(String code, String username, String displayName, String password) {
        Optional<String> stored = jdbc.sql("SELECT code_hash FROM setup_code WHERE id = 1 FOR UPDATE")
                .query(String.class).optional();
        if (stored.isEmpty() || !needed() || !stored.get().equals(Tokens.sha256(Tokens.normalise(code)))) {
            throw InputProblem.keyed("code", "security.problem.setupCode");
        }
        create(username, displayName, password);
        jdbc.sql("DELETE FROM setup_code").update();
    }

    private void create(String username, String displayName, String password) {
        String u = Names.username(username);
        String d = Names.displayName(displayName, true);
        policy.check(password, u, d).ifPresent(p -> {
            throw p;
        });
        var admin = accounts.saveAndFlush(new UserAccount(u, d, encoder.encode(password), java.util.Set.of(Roles.ADMIN), null, clock.instant()));
        audit.record(AuditLog.Actor.SYSTEM, "account.created", "account:" + admin.getId(), "first admin");
    }
}
