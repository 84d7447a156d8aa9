package org.village.notification.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.village.notification.EmailQueued;

/**
 * Hands failed e-mails back to their listener (decision 071): each one after a wait that doubles with every failed
 * try (from {@code village.mail.first-wait} up to {@code longest-wait}), at most {@code max-attempts} times. Modulith
 * claims a failed publication before running it again, so two nodes do not both resubmit the same one.
 */
@Component
class MailRetry {

    private static final Logger log = LoggerFactory.getLogger(MailRetry.class);

    private final FailedEventPublications failed;
    private final MailSettings settings;
    private final Clock clock;

    MailRetry(FailedEventPublications failed, MailTransport transport, Clock clock) {
        this.failed = failed;
        this.settings = transport.settings();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${village.mail.retry-every:60s}", initialDelayString = "${village.mail.retry-every:60s}")
    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withFilter(this::due));
        } catch (RuntimeException e) {
            log.warn("Failed e-mails could not be handed back this time ({})", e.getClass().getSimpleName());
        }
    }

    /** One of ours, tried fewer than the most times, and its wait since the last try is over. */
    boolean due(EventPublication p) {
        if (!(p.getEvent() instanceof EmailQueued) && !(p.getEvent() instanceof org.village.notification.EmailsQueued)
                && !(p.getEvent() instanceof org.village.notification.EmailToAddress)) {
            return false;
        }
        int attempts = Math.max(1, p.getCompletionAttempts());
        if (attempts >= settings.maxAttempts()) {
            return false;
        }
        Instant last = p.getLastResubmissionDate() != null ? p.getLastResubmissionDate() : p.getPublicationDate();
        return !last.plus(settings.waitAfter(attempts)).isAfter(clock.instant());
    }
}
