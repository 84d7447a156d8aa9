package org.village.shared.notices;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link NodeNotices} on one node (no broker): a notice reaches this node's listeners, on the publishing thread, once
 * the transaction commits. {@link RedisNodeNotices} extends it to every node.
 */
@Component
@ConditionalOnProperty(name = "village.chat.broker", havingValue = "none", matchIfMissing = true)
public class LocalNodeNotices implements NodeNotices {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeNotices.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public final void publish(Notice notice) {
        if (notice == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(notice);
                }
            });
        } else {
            send(notice);
        }
    }

    /** Tells this node's listeners; a node with a broker tells the others too. */
    protected void send(Notice notice) {
        deliver(notice);
    }

    /** Hands a notice to this node's listeners (one that fails does not stop the others). */
    protected final void deliver(Notice notice) {
        for (Listener listener : listeners) {
            try {
                listener.notice(notice);
            } catch (RuntimeException e) {
                log.warn("A node notice could not be handled ({})", e.getClass().getSimpleName());
            }
        }
    }

    /** Tells this node's listeners that notices may have been missed. */
    protected final void missedSome() {
        for (Listener listener : listeners) {
            try {
                listener.missed();
            } catch (RuntimeException e) {
                log.warn("A node notice listener could not forget ({})", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean reliable() {
        return true;
    }
}
