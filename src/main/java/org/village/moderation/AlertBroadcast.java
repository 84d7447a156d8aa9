package org.village.moderation;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open pages of people who moderate or take duty, told after an alert changes and the change is committed (the
 * pattern of notification's bell). Each page then reads what is open for its own account. One node: a page on another
 * node sees the change on its next navigation or reload (decision 047).
 */
@Component
class AlertBroadcast {

    private static final Logger log = LoggerFactory.getLogger(AlertBroadcast.class);

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    /** On threads of their own: the commit may happen on a Vaadin thread holding another session's lock. */
    private final ExecutorService tellers = Executors.newVirtualThreadPerTaskExecutor();

    Registration subscribe(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(AlertsChanged event) {
        for (var listener : listeners) {
            tellers.execute(() -> {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.debug("an open page could not be told about an urgent alert", e);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        tellers.shutdownNow();
    }
}
