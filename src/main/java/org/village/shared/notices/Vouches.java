package org.village.shared.notices;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which answers kept per account are still good, for a {@link NodeNotices.Listener} (decision 112). Before reading,
 * a keeper takes {@link #begin()}; the answer it then reads and keeps is good while {@link #stillGood} says so for
 * that account and that number: a notice about the account, or a {@link #forgetAll()}, that arrived after the read
 * began ends it (a read that began before the notice may have seen the old state). Bounded: past {@code maxAccounts}
 * changed accounts everything is forgotten at once.
 */
public final class Vouches {

    private final AtomicLong epoch = new AtomicLong();
    private final ConcurrentHashMap<Long, Long> changed = new ConcurrentHashMap<>();
    private final int maxAccounts;
    private volatile long floor;

    public Vouches(int maxAccounts) {
        this.maxAccounts = Math.max(1, maxAccounts);
    }

    /** Taken before a read whose answer is to be kept. */
    public long begin() {
        return epoch.get();
    }

    /** True while an answer about this account read from {@code since} on is still good. */
    public boolean stillGood(long accountId, long since) {
        if (since < floor) {
            return false;
        }
        Long at = changed.get(accountId);
        return at == null || at <= since;
    }

    /** Something about this account changed: answers about it read before now are no longer good. */
    public void changed(long accountId) {
        long now = epoch.incrementAndGet();
        changed.merge(accountId, now, Math::max);
        if (changed.size() > maxAccounts) {
            forgetAll();
        }
    }

    /** Every answer kept until now is no longer good. */
    public void forgetAll() {
        floor = epoch.incrementAndGet();
        // what is cleared is older than the floor: no answer kept before it counts any more anyway
        changed.values().removeIf(at -> at < floor);
    }
}
