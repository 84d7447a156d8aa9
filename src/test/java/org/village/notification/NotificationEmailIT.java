package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.notification.internal.MailTransport;
import org.village.shared.InputProblem;

/**
 * E-mail: off by default; when a person switches it on, a real SMTP server (the in-process GreenMail the tests and
 * the run command use) receives a discreet message in the language they chose, and an attachment arrives whole.
 */
class NotificationEmailIT extends IntegrationTest {

    /** Words a discreet e-mail never says (decision 072). */
    static final List<String> NEVER = List.of("exploit", "abuse", "police", "grooming", "county lines", "crime",
            "team", "Robin");

    @Autowired
    Notifications notifications;
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

    @AfterEach
    void signOut() {
        users.anonymous();
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

    private static String text(MimeMessage m) throws Exception {
        var out = new StringBuilder();
        collect(m, out);
        return out.toString();
    }

    private static void collect(Part part, StringBuilder out) throws Exception {
        if (part.getFileName() == null && part.isMimeType("text/plain")) {
            out.append(part.getContent());
        } else if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        }
    }

    private int outbox(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_email WHERE account_id = ?").param(accountId)
                .query(Integer.class).single();
    }

    @Test
    void emailIsOffByDefaultSoANotificationSendsNothing() {
        long id = TestAccounts.copy(jdbc, "parent.a", "mail.off", "Mail Off", "PARENT");
        users.as("mail.off");
        assertThat(emails.mySetting().on()).isFalse();
        assertThat(emails.mySetting().address()).isNull();

        notifications.tell(id, "team", "notification.team.removed", "/team");

        assertThat(outbox(id)).as("nothing queued").isZero();
        assertThat(emails.send(id, new Email(null, "notification.email.body", List.of(), "/notifications", null))).isFalse();
        assertThat(outbox(id)).isZero();
    }

    @Test
    void withEmailOnTheServerReceivesADiscreetMessageInThePersonsLanguage() throws Exception {
        long id = TestAccounts.copy(jdbc, "parent.a", "mail.pl", "Mail Pl", "PARENT");
        jdbc.sql("UPDATE user_account SET language = 'pl' WHERE id = ?").param(id).update();
        users.as("mail.pl");
        emails.saveMySetting(true, " mail.pl@example.org ");
        assertThat(emails.mySetting()).isEqualTo(new Emails.EmailSetting(true, "mail.pl@example.org"));

        transactions.executeWithoutResult(tx ->
                notifications.tell(id, "family", "notification.invitation.accepted", "/families", "Robin"));

        await().atMost(Duration.ofSeconds(10)).until(() -> to("mail.pl@example.org").size() == 1);
        var mail = to("mail.pl@example.org").getFirst();
        assertThat(mail.getSubject()).isEqualTo("Masz nową wiadomość");
        assertThat(mail.getFrom()[0].toString()).contains("Village");
        String body = text(mail);
        assertThat(body).contains("Dzień dobry", "/notifications").doesNotContain("/families");
        for (String word : NEVER) {
            assertThat(body.toLowerCase()).as("the body never says " + word).doesNotContain(word.toLowerCase());
            assertThat(mail.getSubject().toLowerCase()).doesNotContain(word.toLowerCase());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notification_email WHERE account_id = ? AND sent_at IS NOT NULL").param(id)
                .query(Integer.class).single() == 1);
    }

    @Test
    void englishIsUsedWhenThePersonChoseNoLanguage() throws Exception {
        long id = TestAccounts.copy(jdbc, "parent.b", "mail.en", "Mail En", "PARENT");
        users.as("mail.en");
        emails.saveMySetting(true, "mail.en@example.org");

        transactions.executeWithoutResult(tx -> notifications.tell(id, "team", "notification.team.removed", "/team"));

        await().atMost(Duration.ofSeconds(10)).until(() -> to("mail.en@example.org").size() == 1);
        var mail = to("mail.en@example.org").getFirst();
        assertThat(mail.getSubject()).isEqualTo("You have a new message");
        assertThat(text(mail)).startsWith("Hello. There is something new for you in Village.")
                .contains("http://localhost:8080/notifications");
    }

    @Test
    void aCalendarAttachmentArrivesWithItsContentType() throws Exception {
        long id = TestAccounts.copy(jdbc, "parent.b", "mail.ics", "Mail Ics", "PARENT");
        users.as("mail.ics");
        emails.saveMySetting(true, "mail.ics@example.org");
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Village//test//EN\r\nMETHOD:REQUEST\r\n"
                + "BEGIN:VEVENT\r\nUID:test-1@village\r\nDTSTAMP:20261201T090000Z\r\nDTSTART:20261202T100000Z\r\n"
                + "DTEND:20261202T110000Z\r\nSUMMARY:Meeting with Sam\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        transactions.executeWithoutResult(tx -> assertThat(emails.send(id, new Email("Meeting with Sam",
                "notification.email.body", List.of(), "/notifications", new Email.Attachment("session.ics",
                "text/calendar; method=REQUEST", ics.getBytes(StandardCharsets.UTF_8))))).isTrue());

        await().atMost(Duration.ofSeconds(10)).until(() -> to("mail.ics@example.org").size() == 1);
        var mail = to("mail.ics@example.org").getFirst();
        assertThat(mail.getSubject()).isEqualTo("Meeting with Sam");
        var parts = (Multipart) mail.getContent();
        Part calendar = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if ("session.ics".equals(parts.getBodyPart(i).getFileName())) {
                calendar = parts.getBodyPart(i);
            }
        }
        assertThat(calendar).as("the .ics part").isNotNull();
        assertThat(calendar.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        var bytes = new ByteArrayOutputStream();
        calendar.getDataHandler().writeTo(bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(ics);
    }

    @Test
    void switchingEmailOnNeedsAnAddressThatLooksLikeOneAndKeepsNothingWhenRefused() {
        TestAccounts.copy(jdbc, "parent.b", "mail.bad", "Mail Bad", "PARENT");
        users.as("mail.bad");
        assertThatThrownBy(() -> emails.saveMySetting(true, "  ")).isInstanceOf(InputProblem.class)
                .extracting(p -> ((InputProblem) p).field()).isEqualTo("address");
        assertThatThrownBy(() -> emails.saveMySetting(true, "not an address")).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> emails.saveMySetting(true, "a@b.c\r\nBcc: x@evil.example")).isInstanceOf(InputProblem.class);
        assertThat(emails.mySetting().on()).isFalse();
        emails.saveMySetting(false, "");
        assertThat(emails.mySetting()).isEqualTo(new Emails.EmailSetting(false, null));
    }
}
