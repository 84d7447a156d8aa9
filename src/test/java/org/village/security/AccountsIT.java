package org.village.security;

import org.village.TestAccounts;
import org.village.families.FamilyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.shared.InputProblem;

class AccountsIT extends IntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    FamilyService families;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long familyId(String label) {
        return jdbc.sql("SELECT id FROM family WHERE label = ?").param(label).query(Long.class).single();
    }

    @Test
    void anInvitationCanBeUsedOnlyOnceEvenWhenTwoPeopleTryAtOnce() throws Exception {
        users.as("worker.sam");
        var invitation = accounts.invite(familyId("Family A (sample)"));
        users.anonymous();
        String code = invitation.code();
        int tries = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(tries);
        var results = new ArrayList<java.util.concurrent.Future<Boolean>>();
        for (int i = 0; i < tries; i++) {
            int n = i;
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    accounts.join(code, "racer" + n, "Racer " + (char) ('A' + n), "lantern-by-the-sea-" + n);
                    return true;
                } catch (InputProblem e) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        int joined = 0;
        for (var r : results) {
            joined += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(joined).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username LIKE 'racer%'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(accounts.invitationStatus(code)).isEqualTo(AccountService.InvitationStatus.USED);
    }

    @Test
    void aTakenNameDoesNotSpendTheInvitation() {
        users.as("worker.alex");
        var invitation = accounts.invite(familyId("Family B (sample)"));
        users.anonymous();
        assertThatThrownBy(() -> accounts.join(invitation.code(), "parent.a", "Someone New", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("already has that sign-in name");
        assertThat(accounts.invitationStatus(invitation.code())).isEqualTo(AccountService.InvitationStatus.VALID);
        assertThatThrownBy(() -> accounts.join(invitation.code(), "new.person", "call me 07700900123", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("phone number");
        assertThatThrownBy(() -> accounts.join(invitation.code(), "x'; DROP TABLE family;--", "Robert", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("sign-in name");
        assertThatThrownBy(() -> accounts.join("WRONG-CODE-0000", "new.person", "New Person", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("could not find");
    }

    /** A double click or a resent request: the second identical join is answered as the first, not as an error. */
    @Test
    void sendingTheSameJoinFormTwiceIsOneJoin() {
        users.as("worker.sam");
        var invitation = accounts.invite(familyId("Family A (sample)"));
        users.anonymous();
        long first = accounts.join(invitation.code(), "twice.sent", "Twice Sent", "lantern-by-the-sea");
        long second = accounts.join(invitation.code(), " Twice.Sent ", "Twice Sent", "lantern-by-the-sea");
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = 'twice.sent'").query(Integer.class).single())
                .isEqualTo(1);
        // anyone else with the spent code (another name, or the same name without its password) is still refused
        assertThatThrownBy(() -> accounts.join(invitation.code(), "someone.else", "Someone Else", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("already been used");
        assertThatThrownBy(() -> accounts.join(invitation.code(), "twice.sent", "Twice Sent", "a-different-lantern"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("already has that sign-in name");
    }

    @Test
    void aWorkerOnlyReachesTheFamiliesTheyLookAfter() {
        users.as("worker.sam");
        assertThat(families.visibleFamilies()).extracting(FamilyService.FamilySummary::label)
                .contains("Family A (sample)").doesNotContain("Family B (sample)");
        long familyB = familyId("Family B (sample)");
        assertThatThrownBy(() -> accounts.invite(familyB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.family(familyB)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND target = ?")
                .param("family:" + familyB).query(Integer.class).single()).isPositive();
    }

    @Test
    void aParentSeesOnlyTheirOwnFamilyAndNoStaffTools() {
        users.as("parent.a");
        long familyA = familyId("Family A (sample)");
        long familyB = familyId("Family B (sample)");
        assertThat(families.canSee(familyA)).isTrue();
        assertThat(families.family(familyA).children()).extracting(FamilyService.ChildSummary::name).containsExactly("Jay");
        assertThatThrownBy(() -> families.family(familyB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.visibleFamilies()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.invite(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.staff()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.createStaff("sneaky", "Sneaky", "ADMIN", "lantern-by-the-sea"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminMakesStaffAndChangesRolesWithAnAuditTrail() {
        users.as("admin");
        long id = accounts.createStaff("worker.new", "New Worker", "WORKER", "lantern-by-the-sea");
        accounts.changeRoles(id, java.util.Set.of("WORKER", "ADMIN"));
        accounts.setEnabled(id, false);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target = ? ORDER BY id").param("account:" + id)
                .query(String.class).list()).containsExactly("account.created", "account.roles-changed", "account.disabled");
        assertThatThrownBy(() -> accounts.createStaff("worker.new", "Other", "WORKER", "lantern-by-the-sea"))
                .isInstanceOf(InputProblem.class);
    }

    @Test
    void aResetLinkWorksOnceAndUnlocksTheAccount() {
        users.as("worker.sam");
        long parentA = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        long parentB = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.b'").query(Long.class).single();
        assertThatThrownBy(() -> accounts.issueReset(parentB)).isInstanceOf(AccessDeniedException.class);
        var link = accounts.issueReset(parentA);
        users.anonymous();
        String token = link.path().substring("reset/".length());
        assertThat(accounts.resetTokenUsable(token)).isTrue();
        assertThatThrownBy(() -> accounts.resetPassword(token, "short")).isInstanceOf(InputProblem.class);
        accounts.resetPassword(token, "sunny-garden-path"); // same as the demo password, so other tests still sign in
        assertThat(accounts.resetTokenUsable(token)).isFalse();
        assertThatThrownBy(() -> accounts.resetPassword(token, "another-long-phrase")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("used or has run out");
    }

    @Test
    void aSignedInPersonChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        TestAccounts.copy(jdbc, "parent.a", "change.me", "Change Test", "PARENT");
        users.as("change.me");
        assertThatThrownBy(() -> accounts.changeOwnPassword("wrong-password", "new-long-passphrase"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("not your current password");
        assertThatThrownBy(() -> accounts.changeOwnPassword("sunny-garden-path", "12345678"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("easy to guess");
        accounts.changeOwnPassword("sunny-garden-path", "new-long-passphrase");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'password.changed'").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void theAuditLogCannotBeChangedOrDeleted() {
        jdbc.sql("INSERT INTO audit_log (at, actor, action) VALUES (NOW(6), 'test', 'test.entry')").update();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET action = 'changed' WHERE action = 'test.entry'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE action = 'test.entry'").update())
                .hasMessageContaining("append-only");
    }
}
