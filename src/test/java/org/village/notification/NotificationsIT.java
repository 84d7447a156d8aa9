package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;

/**
 * In-portal notifications: a person lists, counts and marks only their own (checked in the service, whoever calls),
 * links stay inside the portal, and an open page hears about a new one once it is committed.
 */
class NotificationsIT extends IntegrationTest {

    @Autowired
    Notifications notifications;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long account(String username, String from, String role) {
        return TestAccounts.copy(jdbc, from, username, username.replace('.', ' '), role);
    }

    @Test
    void aPersonSeesCountsAndMarksOnlyTheirOwnNotifications() {
        long ann = account("notif.ann", "parent.a", "PARENT");
        long bea = account("notif.bea", "parent.b", "PARENT");
        long first = notifications.tell(ann, "team", "notification.team.removed", "/team");
        long second = notifications.tell(ann, "family", "notification.invitation.accepted", "/families", "Robin");

        users.as("notif.ann");
        assertThat(notifications.unreadCount()).isEqualTo(2);
        assertThat(notifications.mine(0, 10)).extracting(Notification::id).containsExactly(second, first);
        assertThat(notifications.mine(0, 10).getFirst().args()).containsExactly("Robin");

        users.as("notif.bea");
        assertThat(notifications.mine(0, 10)).isEmpty();
        assertThat(notifications.unreadCount()).isZero();
        assertThatThrownBy(() -> notifications.markRead(first)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.open(first)).isInstanceOf(AccessDeniedException.class);
        assertThat(notifications.markAllRead()).isZero();

        users.as("notif.ann");
        assertThat(notifications.unreadCount()).as("the other person marked nothing of Ann's").isEqualTo(2);
        notifications.markRead(first);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        assertThat(notifications.open(second)).isEqualTo("/families");
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.mine(0, 10)).allSatisfy(n -> assertThat(n.unread()).isFalse());
        assertThat(bea).isNotEqualTo(ann);
    }

    @Test
    void markAllAsReadEmptiesTheCountAndListsPageNewestFirst() {
        long cal = account("notif.cal", "parent.a", "PARENT");
        for (int i = 0; i < 25; i++) {
            notifications.tell(cal, "team", "notification.account.locked", "/notifications", i);
        }
        users.as("notif.cal");
        assertThat(notifications.unreadCount()).isEqualTo(25);
        assertThat(notifications.countMine()).isEqualTo(25);
        var page1 = notifications.mine(0, 20);
        var page2 = notifications.mine(20, 20);
        assertThat(page1).hasSize(20);
        assertThat(page2).hasSize(5);
        assertThat(page1.getFirst().args()).containsExactly("24");
        assertThat(page2.getLast().args()).containsExactly("0");

        assertThat(notifications.markAllRead()).isEqualTo(25);
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.markAllRead()).isZero();
    }

    @Test
    void linksThatLeaveThePortalAreRefused() {
        long dee = account("notif.dee", "parent.a", "PARENT");
        for (String bad : List.of("https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil.example",
                "team", "/a b", "/../admin", "/x\u0000")) {
            assertThatThrownBy(() -> notifications.tell(dee, "team", "notification.team.removed", bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> notifications.tell(dee, "team", "<b>", "/team")).isInstanceOf(IllegalArgumentException.class);
        users.as("notif.dee");
        assertThat(notifications.countMine()).isZero();
    }

    @Test
    void hostileWordsInArgumentsAreStoredAsTheyWereForTheViewToShowAsText() {
        long eve = account("notif.eve", "parent.a", "PARENT");
        String hostile = "</script><img src=x onerror=alert(1)>\u202Egnp.exe";
        notifications.tell(eve, "family", "notification.invitation.accepted", "/families", hostile);
        users.as("notif.eve");
        assertThat(notifications.mine(0, 1).getFirst().args()).containsExactly(hostile);
    }

    @Test
    void anOpenPageHearsTheNewCountOnlyAfterTheCommitAndOnlyForItsAccount() {
        long fay = account("notif.fay", "parent.a", "PARENT");
        long gus = account("notif.gus", "parent.b", "PARENT");
        var heardByFay = new CopyOnWriteArrayList<Long>();
        var heardByGus = new CopyOnWriteArrayList<Long>();
        var r1 = notifications.subscribe(fay, heardByFay::add);
        var r2 = notifications.subscribe(gus, heardByGus::add);
        try {
            transactions.executeWithoutResult(tx -> {
                notifications.tell(fay, "team", "notification.team.removed", "/team");
                assertThat(heardByFay).as("not before the commit").isEmpty();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> heardByFay.equals(List.of(1L)));
            assertThat(heardByGus).isEmpty();

            transactions.executeWithoutResult(tx -> {
                notifications.tell(fay, "team", "notification.team.removed", "/team");
                tx.setRollbackOnly();
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> heardByFay.equals(List.of(1L)));
        } finally {
            r1.remove();
            r2.remove();
        }
    }
}
