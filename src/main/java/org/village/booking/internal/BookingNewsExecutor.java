package org.village.booking.internal;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Two threads that tell families about committed booking changes (e-mails with calendar files, notices; decision 096).
 * Bounded on purpose: the portal's own executor starts a virtual thread per event, and under a rush of bookings
 * those all asked for a database connection at once and made people booking wait for one. When the queue is full a
 * telling is refused here and waits in its row for the booking-tellings job (decision 105): the thread that booked
 * cannot tell the family itself, as it is still inside its transaction's completion.
 */
@Configuration(proxyBeanMethods = false)
class BookingNewsExecutor {

    /** The name {@code Bookings} asks for. */
    public static final String NAME = "bookingNews";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor bookingNews() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20_000);
        executor.setThreadNamePrefix("booking-news-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        // on shutdown the queued tellings get ten seconds; any left are still in their rows for the job
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
