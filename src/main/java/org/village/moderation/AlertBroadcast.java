package org.village.moderation;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.village.moderation.internal.AlertStore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open pages of people who moderate or take duty, told after an alert changes and the change is committed (the
 * pattern of notification's bell). Each page then reads what is open for its own account, so an alert shows once
 * however often a page is told. Changes made on this node tell its pages at once (the in-JVM event); changes made on
 * another node are found by a watcher that reads the alerts' change number each second (V41, decision 049), so a
 * worker signed in on any node sees a new, escalated or acknowledged alert within about a second.
 */
@Component
class AlertBroadcast {

    private static final Logger log = LoggerFactory.getLogger(AlertBroadcast.class);

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final AlertStore store;
    /** The highest change number this node's pages were told about; -1 until the first look. */
    private final AtomicLong seen = new AtomicLong(-1);
    /** How many times the watcher has looked (so a test can wait for its next look instead of sleeping). */
    private final AtomicLong looks = new AtomicLong();

    AlertBroadcast(AlertStore store) {
        this.store = store;
    }
    /** On threads of their own: the commit may happen on a Vaadin thread holding another session's lock. */
    private final ExecutorService tellers = Executors.newVirtualThreadPerTaskExecutor();

    Registration subscribe(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    /** A change made on this node, now committed: its pages are told at once, and the watcher will not tell them again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(AlertsChanged event) {
        seen.accumulateAndGet(event.change(), Math::max);
        tellPages();
    }

    /**
     * The watcher: one primary-key read each second. A number above the last one seen means an alert changed on some
     * node (every change before it committed first, so the pages' fresh read includes them all).
     */
    @Scheduled(fixedDelayString = "${village.moderation.urgent-watch-every:PT1S}", initialDelay = 0)
    void watch() {
        try {
            long now = store.lastChange();
            long before = seen.getAndAccumulate(now, Math::max);
            if (before >= 0 && now > before) {
                tellPages();
            }
        } catch (RuntimeException e) {
            log.warn("Urgent alerts from other nodes could not be checked this time ({})", e.getClass().getSimpleName());
        } finally {
            looks.incrementAndGet();
        }
    }

    /** The highest change number this node's pages were told about. */
    long seen() {
        return seen.get();
    }

    /** How many times the watcher has looked at the change number so far. */
    long looks() {
        return looks.get();
    }

    private void tellPages() {
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
