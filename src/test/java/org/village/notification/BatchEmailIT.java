package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.TestUsers;
import org.village.notification.internal.MailTransport;

/**
 * The batch form of sending e-mail (decision 100), as booking's reminder job uses it: only those who switched e-mail
 * on and whose accounts are on get one, each exactly once; an address the server cannot take does not hold up or lose
 * the others; handing the batch back (as {@code MailRetry} does) sends only what did not go, never one twice.
 */
class BatchEmailIT extends IntegrationTest {

    @Autowired
    Emails emails;
    @Autowired
    MailTransport transport;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FailedEventPublications failed;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private long account(String role, boolean mailOn) {
        String name = "batch." + TestText.letters(12);
        long id = TestAccounts.copy(jdbc, role.equals("PARENT") ? "parent.b" : "worker.sam", name,
                TestText.unique("Batch"), role);
        if (mailOn) {
            users.as(name);
            emails.saveMySetting(true, name + "@example.org");
            users.anonymous();
        }
        return id;
    }

    private String address(long accountId) {
        return jdbc.sql("SELECT email_address FROM notification_setting WHERE account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null);
    }

    private List<MimeMessage> to(String address) {
        return transport.inProcess().orElseThrow().received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<Boolean> sendAll(List<Long> accounts, String subject) {
        var mails = new ArrayList<Emails.Addressed>();
        byte[] ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Village//test//EN\r\nEND:VCALENDAR\r\n")
                .getBytes(StandardCharsets.UTF_8);
        for (long id : accounts) {
            mails.add(new Emails.Addressed(id, new Email(subject, "notification.email.body", List.of(), "/my-sessions",
                    new Email.Attachment("session.ics", "text/calendar; method=REQUEST", ics))));
        }
        return transactions.execute(tx -> emails.sendAll(mails));
    }

    private boolean sent(long accountId, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_email WHERE account_id = ? AND subject = ? AND sent_at IS NOT NULL")
                .params(accountId, subject).query(Integer.class).single() == 1;
    }

    @Test
    void eachPersonWhoSwitchedEmailOnGetsTheirsOnceAndNobodyElse() {
        long parentOn = account("PARENT", true);
        long workerOn = account("WORKER", true);
        long parentOff = account("PARENT", false);
        long switchedOff = account("PARENT", true);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?").param(switchedOff).update();
        String subject = TestText.unique("Meeting with");

        var queued = sendAll(List.of(parentOn, workerOn, parentOff, switchedOff), subject);

        assertThat(queued).containsExactly(true, true, false, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(parentOn, subject) && sent(workerOn, subject));
        assertThat(to(address(parentOn))).hasSize(1).allMatch(m -> subjectOf(m).equals(subject));
        assertThat(to(address(workerOn))).hasSize(1);
        assertThat(to(address(switchedOff))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_email WHERE account_id IN (?, ?)")
                .params(parentOff, switchedOff).query(Integer.class).single()).as("no outbox row for them").isZero();
        List<Boolean> none = transactions.execute(tx -> emails.sendAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void anAddressTheServerCannotTakeLosesNoneOfTheOthersAndIsSentOnceWhenHandedBack() {
        long a = account("PARENT", true);
        long broken = account("PARENT", true);
        long c = account("PARENT", true);
        String good = address(broken);
        // an address saved before the checks got stricter: Jakarta Mail cannot parse it
        jdbc.sql("UPDATE notification_setting SET email_address = ? WHERE account_id = ?")
                .params("broken(" + good, broken).update();
        String subject = TestText.unique("Meeting with");

        assertThat(sendAll(List.of(a, broken, c), subject)).containsExactly(true, true, true);

        await().atMost(Duration.ofSeconds(20)).until(() -> sent(a, subject) && sent(c, subject));
        assertThat(sent(broken, subject)).isFalse();
        long brokenMail = jdbc.sql("SELECT id FROM notification_email WHERE account_id = ? AND subject = ?")
                .params(broken, subject).query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).alias(jdbc.sql("SELECT CONCAT(EVENT_TYPE, ' ', SERIALIZED_EVENT, ' ', "
                + "COALESCE(COMPLETION_DATE, '-')) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%Emails%'")
                .query(String.class).list().toString()).until(() -> incomplete(brokenMail));

        // put right, then handed back as MailRetry does: only the one that did not go is sent
        jdbc.sql("UPDATE notification_setting SET email_address = ? WHERE account_id = ?").params(good, broken).update();
        failed.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getEvent() instanceof EmailsQueued e
                && e.emailIds().contains(brokenMail)));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(broken, subject));
        await().atMost(Duration.ofSeconds(10)).until(() -> !incomplete(brokenMail));
        assertThat(to(good)).hasSize(1);
        assertThat(to(address(a))).as("not sent again").hasSize(1);
        assertThat(to(address(c))).as("not sent again").hasSize(1);
    }

    /** The batch's publication is still waiting in the registry (not completed). */
    private boolean incomplete(long emailId) {
        var events = jdbc.sql("SELECT SERIALIZED_EVENT FROM EVENT_PUBLICATION WHERE EVENT_TYPE = ? AND COMPLETION_DATE IS NULL")
                .param(EmailsQueued.class.getName()).query(String.class).list();
        return events.stream().anyMatch(e -> java.util.regex.Pattern.compile("\\d+").matcher(e).results()
                .anyMatch(m -> m.group().equals(Long.toString(emailId))));
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
