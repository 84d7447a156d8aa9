package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;

/**
 * A failed send loses nothing (decision 071): with the SMTP server down the e-mail's publication stays incomplete in
 * the event registry; once the server is back the scheduled resubmission delivers it, exactly once. The portal is
 * pointed at a GreenMail this test starts and stops (VILLAGE_MAIL_HOST set, so no in-process server), with short
 * waits. Its own context (and JVM, see the pom) because of those settings.
 */
class MailRetryIT extends IntegrationTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("village.mail.host", () -> "127.0.0.1");
        registry.add("village.mail.port", () -> PORT);
        registry.add("village.mail.retry-every", () -> "300ms");
        registry.add("village.mail.first-wait", () -> "500ms");
        registry.add("village.mail.longest-wait", () -> "1s");
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    Notifications notifications;
    @Autowired
    Emails emails;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private GreenMail smtp;

    @AfterEach
    void stop() {
        users.anonymous();
        if (smtp != null) {
            smtp.stop();
        }
    }

    record Publication(boolean completed, String status, int attempts) {
    }

    private Publication publication(long emailId) {
        return jdbc.sql("SELECT COMPLETION_DATE IS NOT NULL, STATUS, COALESCE(COMPLETION_ATTEMPTS, 0) FROM EVENT_PUBLICATION "
                        + "WHERE EVENT_TYPE = ? AND SERIALIZED_EVENT LIKE ?")
                .params(EmailQueued.class.getName(), "%\"emailId\":" + emailId + "}%")
                .query((rs, n) -> new Publication(rs.getBoolean(1), rs.getString(2), rs.getInt(3))).optional().orElse(null);
    }

    @Test
    void aFailedSendIsKeptAndDeliveredExactlyOnceWhenTheServerIsBack() throws Exception {
        assertThat(emails.available()).isTrue();
        long id = TestAccounts.copy(jdbc, "parent.a", "retry.parent", "Retry Parent", "PARENT");
        users.as("retry.parent");
        emails.saveMySetting(true, "retry.parent@example.org");

        // the SMTP server is down
        transactions.executeWithoutResult(tx -> notifications.tell(id, "team", "notification.team.removed", "/team"));
        long emailId = jdbc.sql("SELECT id FROM notification_email WHERE account_id = ?").param(id).query(Long.class).single();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var p = publication(emailId);
            assertThat(p).isNotNull();
            assertThat(p.completed()).isFalse();
            assertThat(p.attempts()).as("tried again while the server is down").isGreaterThanOrEqualTo(2);
        });
        assertThat(jdbc.sql("SELECT sent_at IS NULL FROM notification_email WHERE id = ?").param(emailId)
                .query(Boolean.class).single()).as("not marked sent").isTrue();

        // the server is back
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> publication(emailId).completed());
        // several more resubmission rounds pass: still exactly one e-mail
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("retry.parent@example.org");
        assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM notification_email WHERE id = ?").param(emailId)
                .query(Boolean.class).single()).isTrue();
    }
}
