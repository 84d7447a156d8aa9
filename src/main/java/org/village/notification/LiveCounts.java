package org.village.notification;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.village.notification.internal.NotificationStore;

/**
 * A small in-process broadcaster: open pages (bells) by account, told the new unread count after a change commits
 * (never before: a rolled-back notification is never announced). One node only; another node's pages catch up on
 * their next navigation or reload, from the database.
 */
@Component
class LiveCounts {

    private static final Logger log = LoggerFactory.getLogger(LiveCounts.class);

    private final NotificationStore store;
    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    /**
     * Pages are told on a thread of their own: the change may commit on a Vaadin request thread that holds another
     * person's session lock, and Vaadin refuses to lock a second session from there (deadlock guard).
     */
    private final ExecutorService tellers = Executors.newVirtualThreadPerTaskExecutor();

    LiveCounts(NotificationStore store) {
        this.store = store;
    }

    Registration subscribe(long accountId, LongConsumer onUnreadCount) {
        listeners.computeIfAbsent(accountId, k -> new CopyOnWriteArraySet<>()).add(onUnreadCount);
        return () -> listeners.computeIfPresent(accountId, (k, set) -> {
            set.remove(onUnreadCount);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void created(NotificationCreated event) {
        broadcast(event.accountId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void read(NotificationsRead event) {
        broadcast(event.accountId());
    }

    private void broadcast(long accountId) {
        var open = listeners.get(accountId);
        if (open == null || open.isEmpty()) {
            return;
        }
        tellers.execute(() -> tell(accountId));
    }

    private void tell(long accountId) {
        var open = listeners.get(accountId);
        if (open == null || open.isEmpty()) {
            return;
        }
        long count;
        try {
            count = store.unread(accountId);
        } catch (RuntimeException e) {
            log.debug("the unread count could not be read for open pages", e);
            return;
        }
        for (var listener : open) {
            try {
                listener.accept(count);
            } catch (RuntimeException e) {
                // a page that went away while we told it; the others still hear
                log.debug("an open page could not be told about a notification", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        tellers.shutdownNow();
    }
}
