package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.directory.DirectoryService;
import org.village.directory.FamilyTeamService;
import org.village.directory.TeamInput;
import org.village.directory.TeamMember;
import org.village.security.AccountService;
import org.village.security.LoginProtection;

/** The bell is useful today: people hear about things that already happen, and only the right people. */
class EventReactionsIT extends IntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    FamilyTeamService teams;
    @Autowired
    DirectoryService directory;
    @Autowired
    LoginProtection protection;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private int count(long accountId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND text_key = ?")
                .params(accountId, key).query(Integer.class).single();
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
    }

    private long family(String label) {
        return jdbc.sql("SELECT id FROM family WHERE label = ?").param(label).query(Long.class).single();
    }

    @Test
    void whoeverMadeTheInvitationHearsThatTheParentJoinedByTheNameTheyChose() {
        long inviter = TestAccounts.copy(jdbc, "admin", "notif.inviter", "Notif Inviter", "ADMIN");
        users.as("notif.inviter");
        var invitation = accounts.invite(family("Family B (sample)"));
        users.anonymous();

        accounts.join(invitation.code(), "notif.joiner", "Juniper", "lantern-by-the-sea-joiner");

        await().atMost(Duration.ofSeconds(10)).until(() -> count(inviter, "notification.invitation.accepted") == 1);
        assertThat(jdbc.sql("SELECT text_args, link FROM notification WHERE account_id = ? AND text_key = ?")
                .params(inviter, "notification.invitation.accepted")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("Juniper /families");
        assertThat(count(id("notif.joiner"), "notification.invitation.accepted")).isZero();
    }

    @Test
    void onlyThatFamilysParentsHearThatATeamEntryWasTakenOff() {
        long familyA = family("Family A (sample)");
        long parentA = id("parent.a");
        long parentB = id("parent.b");
        int aBefore = count(parentA, "notification.team.removed");
        int bBefore = count(parentB, "notification.team.removed");
        long jay = jdbc.sql("SELECT c.id FROM child c JOIN family f ON f.id = c.family_id WHERE c.name = 'Jay'"
                + " AND f.label = 'Family A (sample)'").query(Long.class).single();
        users.as("worker.sam");
        long service = directory.bySlug("youth-moves").orElseThrow().id();
        var mistake = teams.add(familyA, jay, new TeamInput(service, "Pat", "youth worker", false,
                TeamMember.Status.ACTIVE, LocalDate.now(), "Pat meets the young person every week.", null, null));

        teams.remove(familyA, mistake.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> count(parentA, "notification.team.removed") == aBefore + 1);
        assertThat(jdbc.sql("SELECT link FROM notification WHERE account_id = ? AND text_key = ? ORDER BY id DESC LIMIT 1")
                .params(parentA, "notification.team.removed").query(String.class).single()).isEqualTo("/team");
        assertThat(count(parentB, "notification.team.removed")).as("another family hears nothing").isEqualTo(bBefore);
        assertThat(count(id("worker.sam"), "notification.team.removed")).isZero();
    }

    @Test
    void adminsHearThatSignInWasSlowedForAnAccountWithoutTheAddress() {
        TestAccounts.copy(jdbc, "parent.a", "notif.locked", "Notif Locked", "PARENT");
        long admin = id("admin");
        long parentA = id("parent.a");
        int before = count(admin, "notification.account.locked");
        int parentBefore = count(parentA, "notification.account.locked");
        String address = "203.0.113.77";
        // five wrong passwords in a row from one address: the fifth makes this name wait there
        for (int i = 0; i < 5; i++) {
            protection.attempt("notif.locked", address);
            protection.failed("notif.locked", address);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> count(admin, "notification.account.locked") == before + 1);
        var args = jdbc.sql("SELECT text_args FROM notification WHERE account_id = ? AND text_key = ? ORDER BY id DESC LIMIT 1")
                .params(admin, "notification.account.locked").query(String.class).single();
        assertThat(args).isEqualTo("1").doesNotContain(address);
        assertThat(count(parentA, "notification.account.locked")).as("parents are not told").isEqualTo(parentBefore);
    }
}
