package org.village.booking.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;
import org.village.booking.Bookings;

/**
 * The booking jobs (decision 091): offers whose time ran out pass to the next family, and day-before reminders go
 * out. With several nodes ShedLock lets one node run each job at a time, and every change inside is a conditional
 * update, so even two runs at once would send each reminder once and end each offer once.
 */
@Component
class BookingJobs {

    private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

    private final Bookings bookings;
    private final Clock clock;

    BookingJobs(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${village.booking.offers-every:60s}", initialDelayString = "${village.booking.offers-every:60s}")
    @SchedulerLock(name = "booking-offers", lockAtMostFor = "PT5M")
    public void expireOffers() {
        int n = bookings.expireOffers(clock.instant(), 500);
        if (n > 0) {
            log.info("{} booking offers ran out and passed on", n);
        }
    }

    /**
     * Families not yet told of a committed change (the portal stopped before the booking-news thread ran, its queue
     * was full, or the telling failed): decision 105. Each row is taken by deleting it in the telling's transaction,
     * so a family is told once even if the after-commit thread gets there at the same moment.
     */
    @Scheduled(fixedDelayString = "${village.booking.tellings-every:60s}", initialDelayString = "${village.booking.tellings-every:60s}")
    @SchedulerLock(name = "booking-tellings", lockAtMostFor = "PT10M")
    public void tellOutstanding() {
        int n = bookings.tellOutstanding(clock.instant(), 500);
        if (n > 0) {
            log.info("{} booking changes told by the job", n);
        }
    }

    @Scheduled(fixedDelayString = "${village.booking.reminders-every:5m}", initialDelayString = "${village.booking.reminders-every:5m}")
    @SchedulerLock(name = "booking-reminders", lockAtMostFor = "PT30M")
    public void sendReminders() {
        int n = bookings.sendReminders(clock.instant(), 200);
        if (n > 0) {
            log.info("{} booking reminders sent", n);
        }
    }
}
