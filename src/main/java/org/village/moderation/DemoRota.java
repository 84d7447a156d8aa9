package org.village.moderation;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.moderation.internal.RotaStore;
import org.village.security.People;

/**
 * Demo profile only: someone is on duty at every hour (issue 10). Alex is asked first on weekdays 09:00 to 17:00,
 * Sam is on duty always; the out-of-hours contact is a made-up address the in-process mail server catches. Made once,
 * after the demo accounts; kept (and any changes workers made) on later starts.
 */
@Component
@Profile("demo")
class DemoRota {

    static final String OUT_OF_HOURS = "out-of-hours@example.org";

    private final RotaStore store;
    private final People people;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoRota(RotaStore store, People people, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.people = people;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void create() {
        tx.executeWithoutResult(status -> {
            if (!store.all().isEmpty()) {
                return;
            }
            people.byUsername("worker.alex").ifPresent(p -> store.save(p.id(), false, "Mon, Tue, Wed, Thu, Fri 09:00-17:00",
                    clock.instant()));
            people.byUsername("worker.sam").ifPresent(p -> store.save(p.id(), true, "", clock.instant()));
            if (store.setting(RotaStore.OUT_OF_HOURS).isEmpty()) {
                store.saveSetting(RotaStore.OUT_OF_HOURS, OUT_OF_HOURS, clock.instant());
            }
        });
    }
}
