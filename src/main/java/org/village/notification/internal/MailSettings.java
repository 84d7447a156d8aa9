package org.village.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code village.mail.*} (environment VILLAGE_MAIL_HOST, _PORT, _USER, _PASSWORD, _FROM, and the partnership's
 * discreet wording VILLAGE_MAIL_SENDER_NAME, VILLAGE_MAIL_SUBJECT). An empty host means: start the in-process SMTP
 * server when it is on the class path (the run command and tests), else send no e-mail (decision 070).
 *
 * @param subject    the subject of every notification e-mail; empty: the bundle's discreet default in the
 *                   recipient's language ("You have a new message")
 * @param portalUrl  the portal's public address, for the link back in an e-mail
 * @param retryEvery how often failed e-mails are looked at; {@code firstWait} before the first retry, doubling
 *                   each time up to {@code longestWait}; after {@code maxAttempts} an e-mail is left failed
 */
@ConfigurationProperties("village.mail")
public record MailSettings(
        String host,
        @DefaultValue("587") int port,
        String user,
        String password,
        @DefaultValue("village@localhost") String from,
        @DefaultValue("Village") String senderName,
        String subject,
        @DefaultValue("http://localhost:8080") String portalUrl,
        @DefaultValue("60s") Duration retryEvery,
        @DefaultValue("60s") Duration firstWait,
        @DefaultValue("1h") Duration longestWait,
        @DefaultValue("12") int maxAttempts) {

    public boolean external() {
        return host != null && !host.isBlank();
    }

    /** How long to wait before the retry that follows {@code attempts} failed sends. */
    public Duration waitAfter(int attempts) {
        Duration wait = firstWait;
        for (int i = 1; i < attempts && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
