package org.village.booking.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Two threads that tell families about committed booking changes (e-mails with calendar files, notices; decision 096).
 * Bounded on purpose: the portal's own executor starts a virtual thread per event, and under a rush of bookings
 * those all asked for a database connection at once and made people booking wait for one. When the queue is full
 * the thread that booked does the telling itself, after its commit.
 */
@Configuration(proxyBeanMethods = false)
class BookingNewsExecutor {

    /** The name the listener asks for. */
    public static final String NAME = "bookingNews";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor bookingNews() {
        return org.village.shared.BoundedExecutors.callerRuns("booking-news-", 2, 20_000);
    }
}
