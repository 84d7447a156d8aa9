package org.village.notification.internal;

import java.time.Instant;
import java.util.List;

/**
 * The in-process SMTP server as the rest of the module sees it. Nothing outside {@link InProcessSmtp} names GreenMail,
 * so the production jar (which leaves GreenMail out, decision 070) never loads a GreenMail class.
 */
public interface InProcessMail extends AutoCloseable {

    int port();

    /** Everything received since the start, oldest first. */
    List<jakarta.mail.internet.MimeMessage> received();

    /** The newest {@code limit} e-mails received, newest first. */
    List<Received> newest(int limit);

    @Override
    void close();

    /** An e-mail as the Sent e-mails page shows it. */
    record Received(String to, String subject, Instant sentAt, String body, List<String> attachments) {
    }
}
