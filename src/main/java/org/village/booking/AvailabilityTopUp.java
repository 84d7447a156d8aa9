package org.village.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps weekly availability made {@link Availability#HORIZON_WEEKS} weeks ahead: once a night (Europe/London) and on
 * start-up (after downtime). Several nodes may run it at once: each rule is extended under its worker's lock from
 * where the last run stopped, so nothing is made twice.
 */
@Component
class AvailabilityTopUp {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityTopUp.class);

    private final Availability availability;

    AvailabilityTopUp(Availability availability) {
        this.availability = availability;
    }

    @Scheduled(cron = "${village.booking.top-up-cron:0 20 3 * * *}", zone = "Europe/London")
    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void run() {
        int made = availability.topUp();
        if (made > 0) {
            log.info("Weekly availability: {} sessions made up to the horizon", made);
        }
    }
}
