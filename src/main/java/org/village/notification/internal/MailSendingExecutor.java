package org.village.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Four threads that hand queued e-mails to the SMTP server (decision 097). Bounded on purpose, as booking's
 * {@code bookingNews} is (decision 096): on the portal's own executor every queued e-mail started a virtual thread of
 * its own, so the 10,000 reminders of one job run all asked for the 10 database connections at once and held up the
 * job and everyone else. Not a limit on the shared executor: Spring's STOMP channels run there (decision 087). When
 * the queue is full the thread that committed the e-mail sends it itself; an e-mail that cannot be sent stays in the
 * event publication registry for {@link MailRetry}, as before.
 */
@Configuration(proxyBeanMethods = false)
class MailSendingExecutor {

    /** The name the e-mail listeners ask for. */
    public static final String NAME = "mailSending";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor mailSending() {
        return org.village.shared.BoundedExecutors.callerRuns("mail-sending-", 4, 50_000);
    }
}
