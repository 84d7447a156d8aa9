package org.village.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.village.moderation.internal.CaseStore;
import org.village.shared.ReadCommittedTransactions;
import org.village.shared.notices.NodeNotices;
import org.village.shared.notices.Vouches;

/**
 * When a member may write again, kept per account on this node (decision 113): a chat message asks this on every
 * send, and silences are rare, so the answer is read once and kept until a sanction about the account is given on
 * any node ({@link NodeNotices}). A silence that runs out needs no read: the kept answer is the time it ends, compared
 * with the clock. While notices may be missed (the broker is away) every call reads. At most
 * {@code village.moderation.silences-kept} accounts (20,000) are kept; past that, the kept answers start again.
 * A plain component, not a service: no transaction and no proxy of its own; it reads inside the caller's.
 */
@Component
public class Silences implements NodeNotices.Listener {

    /** A kept answer: the latest end of any silence (null: never silenced), read from {@code since} on. */
    private record Kept(Instant until, long since) {
    }

    private final CaseStore store;
    private final Clock clock;
    private final NodeNotices notices;
    private final Vouches vouches;
    private final int max;
    private final ConcurrentHashMap<Long, Kept> kept = new ConcurrentHashMap<>();

    Silences(CaseStore store, Clock clock, NodeNotices notices,
             @Value("${village.moderation.silences-kept:20000}") int max) {
        this.store = store;
        this.clock = clock;
        this.notices = notices;
        this.max = Math.max(1, max);
        this.vouches = new Vouches(this.max);
        notices.listen(this);
    }

    /** When this member may write again, if a moderator silenced them or their account is suspended. */
    public Optional<Instant> silencedUntil(long accountId) {
        return silencedUntil(accountId, clock.instant());
    }

    /** {@link #silencedUntil(long)} at this time (a caller's own clock). */
    public Optional<Instant> silencedUntil(long accountId, Instant now) {
        boolean trusted = notices.reliable();
        Kept k = trusted ? kept.get(accountId) : null;
        if (k != null && vouches.stillGood(accountId, k.since())) {
            return k.until() != null && k.until().isAfter(now) ? Optional.of(k.until()) : Optional.empty();
        }
        long since = vouches.begin();
        Instant latest = store.latestSilenceEnd(accountId);
        // kept only when the read saw everything committed before it began: no transaction, or a READ COMMITTED one
        // (a REPEATABLE READ snapshot may predate a sanction whose notice came before this read began)
        if (trusted && (!TransactionSynchronizationManager.isActualTransactionActive() || ReadCommittedTransactions.inside())) {
            if (kept.size() >= max) {
                kept.clear();
            }
            kept.put(accountId, new Kept(latest, since));
        }
        return latest != null && latest.isAfter(now) ? Optional.of(latest) : Optional.empty();
    }

    @Override
    public void notice(NodeNotices.Notice notice) {
        if (NodeNotices.SANCTION.equals(notice.kind()) || NodeNotices.ACCOUNT.equals(notice.kind())) {
            vouches.changed(notice.accountId());
            kept.remove(notice.accountId());
        }
    }

    @Override
    public void missed() {
        vouches.forgetAll();
        kept.clear();
    }

    /** How many accounts' answers are kept (for tests and figures). */
    public int size() {
        return kept.size();
    }
}
