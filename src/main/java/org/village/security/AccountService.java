package org.village.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.village.security.internal.UserAccount;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Tokens;

/**
 * Accounts: parents join only with a worker's single-use invitation; staff accounts are made by an admin;
 * everyone can change their own password; staff can issue a one-time password-reset link.
 * Single use is enforced by conditional updates ({@code ... WHERE used_at IS NULL}), not by Java checks.
 */
@Service
@Transactional
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final FamilyGate families;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountSettings settings;
    private final SessionStamps sessions;
    private final NameAddressThrottle signInPairs;
    private final ApplicationEventPublisher events;
    private final org.village.shared.notices.NodeNotices notices;

    AccountService(UserAccountRepository accounts, FamilyGate families, PasswordPolicy policy,
                   PasswordEncoder encoder, CurrentUser currentUser, AuditLog audit, JdbcClient jdbc, Clock clock,
                   AccountSettings settings, SessionStamps sessions, NameAddressThrottle signInPairs,
                   ApplicationEventPublisher events, org.village.shared.notices.NodeNotices notices) {
        this.events = events;
        this.notices = notices;
        this.accounts = accounts;
        this.families = families;
        this.policy = policy;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.sessions = sessions;
        this.signInPairs = signInPairs;
    }

    // ---- invitations ------------------------------------------------------------------------------------

    /** A worker (for a family they look after) or an admin makes a single-use code to pass on to a parent. */
    @PreAuthorize(Capability.HAS_MANAGE_FAMILIES)
    public NewInvitation invite(long familyId) {
        families.checkAccess(familyId);
        var me = currentUser.require();
        String code = Tokens.code(12);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.invitationValidFor());
        jdbc.sql("INSERT INTO invitation (code_hash, family_id, created_by, created_at, expires_at) VALUES (?,?,?,?,?)")
                .params(Tokens.sha256(code), familyId, me.id(), Timestamp.from(now), Timestamp.from(expires))
                .update();
        audit.record(me.actor(), "invitation.created", "family:" + familyId, "expires " + expires);
        return new NewInvitation(Tokens.grouped(code), "join/" + code, expires);
    }

    /** What the join page can say before anyone types: is this code still good? */
    @Transactional(readOnly = true)
    public InvitationStatus invitationStatus(String code) {
        String c = Tokens.normalise(code);
        if (c.isEmpty()) {
            return InvitationStatus.UNKNOWN;
        }
        return jdbc.sql("SELECT used_at, expires_at FROM invitation WHERE code_hash = ?")
                .param(Tokens.sha256(c))
                .query((rs, n) -> rs.getTimestamp("used_at") != null ? InvitationStatus.USED
                        : rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant()) ? InvitationStatus.EXPIRED
                        : InvitationStatus.VALID)
                .optional().orElse(InvitationStatus.UNKNOWN);
    }

    /** A parent uses an invitation: the code is spent and the account made in one transaction, or neither. */
    public long join(String code, String username, String displayName, String password) {
        String u = Names.username(username);
        var replay = alreadyJoined(code, u, password);
        if (replay.isPresent()) {
            // the same person sending the same form twice (a double click, a resent request): it worked the first time
            return replay.get();
        }
        String d = Names.displayName(displayName, false);
        policy.check(password, u, d).ifPresent(p -> {
            throw p;
        });
        if (accounts.existsByUsername(u)) {
            throw InputProblem.keyed("username", "security.problem.usernameTaken");
        }
        if (accounts.existsByDisplayName(d)) {
            throw InputProblem.keyed("displayName", "security.problem.nameTaken");
        }
        String hash = Tokens.sha256(Tokens.normalise(code));
        Instant now = clock.instant();
        int spent = jdbc.sql("UPDATE invitation SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), hash, Timestamp.from(now)).update();
        if (spent != 1) {
            throw InputProblem.keyed("code", switch (invitationStatus(code)) {
                case USED -> "security.problem.invitationUsed";
                case EXPIRED -> "join.expired";
                default -> "join.unknown";
            });
        }
        record Invite(long familyId, Long createdBy) {
        }
        var invite = jdbc.sql("SELECT family_id, created_by FROM invitation WHERE code_hash = ?").param(hash)
                .query((rs, n) -> new Invite(rs.getLong(1), rs.getObject(2, Long.class))).single();
        long familyId = invite.familyId();
        UserAccount account;
        try {
            account = accounts.saveAndFlush(new UserAccount(u, d, encoder.encode(password), Set.of(Roles.PARENT), familyId, now));
        } catch (DataIntegrityViolationException e) {
            // someone took the name between our check and the insert; the invitation is not spent
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw InputProblem.keyed("username", "security.problem.nameTakenRace");
        }
        jdbc.sql("UPDATE invitation SET used_by = ? WHERE code_hash = ?").params(account.getId(), hash).update();
        audit.record(new AuditLog.Actor(account.getId(), "parent:" + d), "invitation.used", "family:" + familyId, null);
        events.publishEvent(new InvitationAccepted(account.getId(), familyId, invite.createdBy()));
        return account.getId();
    }

    /** The account this invitation already made, if it has this sign-in name and password. */
    private Optional<Long> alreadyJoined(String code, String username, String password) {
        record Made(long id, String username, String passwordHash) {
        }
        return jdbc.sql("SELECT u.id, u.username, u.password_hash FROM invitation i JOIN user_account u ON u.id = i.used_by"
                        + " WHERE i.code_hash = ?")
                .param(Tokens.sha256(Tokens.normalise(code)))
                .query((rs, n) -> new Made(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .filter(m -> m.username().equalsIgnoreCase(username) && password != null
                        && encoder.matches(password, m.passwordHash()))
                .map(Made::id);
    }

    // ---- staff accounts ---------------------------------------------------------------------------------

    @PreAuthorize(Capability.HAS_MANAGE_STAFF)
    public long createStaff(String username, String displayName, String role, String password) {
        if (role == null || !Roles.STAFF_ROLES.contains(role)) {
            throw InputProblem.keyed("role", "security.problem.chooseRole");
        }
        String u = Names.username(username);
        String d = Names.displayName(displayName, true);
        policy.check(password, u, d).ifPresent(p -> {
            throw p;
        });
        if (accounts.existsByUsername(u)) {
            throw InputProblem.keyed("username", "security.problem.staffUsernameTaken");
        }
        if (accounts.existsByDisplayName(d)) {
            throw InputProblem.keyed("displayName", "security.problem.staffNameTaken");
        }
        try {
            var account = accounts.saveAndFlush(new UserAccount(u, d, encoder.encode(password), Set.of(role), null, clock.instant()));
            audit.record(currentUser.actor(), "account.created", "account:" + account.getId(), "role " + role);
            return account.getId();
        } catch (DataIntegrityViolationException e) {
            throw InputProblem.keyed("username", "security.problem.staffNameTakenRace");
        }
    }

    @PreAuthorize(Capability.HAS_MANAGE_STAFF)
    @Transactional(readOnly = true)
    public List<AccountSummary> staff() {
        return accounts.findHoldingAnyOf(Roles.STAFF_ROLES).stream().map(this::summary).toList();
    }

    /**
     * An admin gives a staff account its set of roles (peer supporter, family support worker, admin; at least one).
     * Every session the person has, on every node, ends: a session must never keep a role it has lost, and picks
     * up new ones at the next sign-in (decision 035). Parent accounts keep the parent role and gain no other here.
     */
    @PreAuthorize(Capability.HAS_MANAGE_STAFF)
    public void changeRoles(long accountId, Set<String> roles) {
        var me = currentUser.require();
        var account = accounts.findById(accountId).orElseThrow(() -> InputProblem.keyed(null, "security.problem.noAccount"));
        if (account.getRoles().contains(Roles.PARENT) || (roles != null && roles.contains(Roles.PARENT))) {
            throw InputProblem.keyed("roles", "security.problem.parentRole");
        }
        if (account.getId() == me.id()) {
            throw InputProblem.keyed("roles", "security.problem.ownRoles");
        }
        if (roles == null || roles.isEmpty()) {
            throw InputProblem.keyed("roles", "security.problem.noRole");
        }
        if (!Roles.STAFF_ROLES.containsAll(roles)) {
            throw InputProblem.keyed("roles", "security.problem.unknownRole");
        }
        var before = new TreeSet<>(account.getRoles());
        var after = new TreeSet<>(roles);
        if (before.equals(after)) {
            return;
        }
        account.setRoles(after);
        // a session signed in with the old roles must not keep them, on any node
        endSessions(account);
        audit.record(me.actor(), "account.roles-changed", "account:" + accountId,
                String.join(",", before) + " to " + String.join(",", after));
    }

    @PreAuthorize(Capability.HAS_MANAGE_STAFF)
    public void setEnabled(long accountId, boolean enabled) {
        var me = currentUser.require();
        if (accountId == me.id()) {
            throw InputProblem.keyed(null, "security.problem.ownAccount");
        }
        var account = accounts.findById(accountId).orElseThrow(() -> InputProblem.keyed(null, "security.problem.noAccount"));
        account.setEnabled(enabled);
        endSessions(account);
        audit.record(me.actor(), enabled ? "account.enabled" : "account.disabled", "account:" + accountId, null);
        if (!enabled) {
            events.publishEvent(new AccountSwitchedOff(accountId, me.actor()));
        }
    }

    /**
     * The last step of moderation's suspension ladder (issue 10): a moderator switches off a member's account, which
     * ends its sessions as {@link #setEnabled} does. Only members' accounts (parents, peer supporters): a staff
     * account is switched off by someone who manages staff.
     */
    @PreAuthorize(Capability.HAS_MODERATE)
    public void switchOffForModeration(long accountId, String reason) {
        var me = currentUser.require();
        if (accountId == me.id()) {
            throw InputProblem.keyed(null, "security.problem.ownAccount");
        }
        var account = accounts.findById(accountId).orElseThrow(() -> InputProblem.keyed(null, "security.problem.noAccount"));
        if (account.getRoles().stream().anyMatch(r -> !Roles.PARENT.equals(r) && !Roles.PEER_SUPPORTER.equals(r))) {
            throw new org.springframework.security.access.AccessDeniedException("Staff accounts are switched off by staff managers");
        }
        if (!account.isEnabled()) {
            return;
        }
        account.setEnabled(false);
        endSessions(account);
        audit.record(me.actor(), "account.disabled", "account:" + accountId, "moderation: " + (reason == null ? "" : reason));
        events.publishEvent(new AccountSwitchedOff(accountId, me.actor()));
    }

    /** Parents of a family the signed-in worker may see. */
    @PreAuthorize(Capability.HAS_SEE_FAMILY_RECORDS)
    @Transactional(readOnly = true)
    public List<AccountSummary> parentsOf(long familyId) {
        families.checkAccess(familyId);
        return accounts.findByFamilyIdOrderByDisplayName(familyId).stream().map(this::summary).toList();
    }

    // ---- language -----------------------------------------------------------------------------------------

    /** The interface language the signed-in person chose, if they are signed in and have chosen one. */
    @Transactional(readOnly = true)
    public Optional<String> chosenLanguage() {
        return currentUser.get().flatMap(me -> accounts.findById(me.id())).map(UserAccount::getLanguage);
    }

    /**
     * Remembers the signed-in person's interface language (a two-letter code, nothing else); does nothing for
     * someone not signed in, whose choice lives only in their browser's cookie.
     */
    public void rememberLanguage(String code) {
        if (code == null || !code.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("not a language code");
        }
        currentUser.get().flatMap(me -> accounts.findById(me.id())).ifPresent(account -> account.setLanguage(code));
    }

    // ---- passwords --------------------------------------------------------------------------------------

    public void changeOwnPassword(String current, String next) {
        var me = currentUser.require();
        var account = accounts.findById(me.id()).orElseThrow();
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            throw InputProblem.keyed("current", "security.problem.wrongCurrent");
        }
        policy.check(next, account.getUsername(), account.getDisplayName()).ifPresent(p -> {
            throw p;
        });
        account.setPasswordHash(encoder.encode(next));
        endOtherSessions(me, account);
        audit.record(me.actor(), "password.changed", "account:" + me.id(), null);
    }

    /** "Sign out everywhere else": every other session of the signed-in person ends; this one carries on. */
    public void signOutOtherDevices() {
        var me = currentUser.require();
        var account = accounts.findById(me.id()).orElseThrow();
        endOtherSessions(me, account);
        audit.record(me.actor(), "sessions.ended", "account:" + me.id(), "signed out on other devices");
    }

    /**
     * Ends every session and token of the account: its stamp moves, and every node hears of it once this commits, so
     * an open chat connection (which keeps its token vouched for a while) ends at once, not at its next check
     * (decision 112). Every change of stamp goes through here.
     */
    private void endSessions(UserAccount account) {
        account.endSessions();
        notices.publish(new org.village.shared.notices.NodeNotices.Notice(
                org.village.shared.notices.NodeNotices.ACCOUNT, account.getId(), null));
    }

    private void endOtherSessions(VillageUser me, UserAccount account) {
        endSessions(account);
        long stamp = account.getSecurityStamp();
        // only once the new stamp is in the database; if this rolls back, nothing changes for anyone
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.carryOn(me, stamp);
            }
        });
    }

    /** Staff make a one-time link for a parent (of a family they may see) or, for admins, anyone. */
    @PreAuthorize("hasAnyAuthority('CAN_MANAGE_FAMILIES','CAN_MANAGE_STAFF')")
    public ResetLink issueReset(long accountId) {
        var me = currentUser.require();
        var account = accounts.findById(accountId).orElseThrow(() -> InputProblem.keyed(null, "security.problem.noAccount"));
        if (account.getRoles().contains(Roles.PARENT) && account.getFamilyId() != null
                && !me.can(Capability.MANAGE_STAFF)) {
            families.checkAccess(account.getFamilyId());
        } else if (!me.can(Capability.MANAGE_STAFF)) {
            throw new AccessDeniedException("Only admins reset staff passwords");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.resetValidFor());
        jdbc.sql("INSERT INTO password_reset (token_hash, user_id, created_by, created_at, expires_at) VALUES (?,?,?,?,?)")
                .params(Tokens.sha256(token), accountId, me.id(), Timestamp.from(now), Timestamp.from(expires)).update();
        audit.record(me.actor(), "password.reset-issued", "account:" + accountId, "expires " + expires);
        return new ResetLink("reset/" + token, expires);
    }

    @Transactional(readOnly = true)
    public boolean resetTokenUsable(String token) {
        return token != null && jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ?").params(Tokens.sha256(token), Timestamp.from(clock.instant()))
                .query(Integer.class).single() == 1;
    }

    public void resetPassword(String token, String password) {
        String hash = Tokens.sha256(token == null ? "" : token);
        Optional<Long> userId = jdbc.sql("SELECT user_id FROM password_reset WHERE token_hash = ?").param(hash)
                .query(Long.class).optional();
        var account = userId.flatMap(accounts::findById);
        if (account.isEmpty()) {
            throw InputProblem.keyed(null, "security.problem.badLink");
        }
        policy.check(password, account.get().getUsername(), account.get().getDisplayName()).ifPresent(p -> {
            throw p;
        });
        Instant now = clock.instant();
        int spent = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), hash, Timestamp.from(now)).update();
        if (spent != 1) {
            throw InputProblem.keyed(null, "reset.spent");
        }
        account.get().setPasswordHash(encoder.encode(password));
        // whoever was signed in with the old password is signed out, everywhere
        endSessions(account.get());
        // and waits earned by guessing the old password no longer apply
        signInPairs.forget(account.get().getUsername());
        audit.record(new AuditLog.Actor(account.get().getId(), mainRole(account.get().getRoles()).toLowerCase() + ":"
                + account.get().getDisplayName()), "password.reset", "account:" + account.get().getId(), null);
    }

    private AccountSummary summary(UserAccount a) {
        return new AccountSummary(a.getId(), a.getUsername(), a.getDisplayName(), a.getRoles(), a.isEnabled(),
                signInPairs.slowedAnywhere(a.getUsername()), a.getLastSignInAt());
    }

    private static String mainRole(Set<String> roles) {
        return Roles.ALL.stream().filter(roles::contains).findFirst().orElse("none");
    }

    public enum InvitationStatus { VALID, USED, EXPIRED, UNKNOWN }

    /** {@code code} is shown once to the worker; only its hash is kept. {@code path} is relative to the site. */
    public record NewInvitation(String code, String path, Instant expiresAt) {
    }

    public record ResetLink(String path, Instant expiresAt) {
    }

    /** {@code locked}: someone on at least one device must wait after wrong passwords for this name. */
    public record AccountSummary(long id, String username, String displayName, Set<String> roles, boolean enabled,
                                 boolean locked, Instant lastSignInAt) {
    }
}
