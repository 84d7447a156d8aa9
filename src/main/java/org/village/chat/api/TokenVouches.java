package org.village.chat.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.village.shared.notices.NodeNotices;
import org.village.shared.notices.Vouches;

/**
 * How long an open STOMP connection's token is taken as good between reads (decision 112): for
 * {@code village.chat.token-recheck} (30 s) after a read found it good, unless in the meantime any node said the
 * token or its account stopped working ({@link NodeNotices}: revoked, new password or stamp, switched off), the token
 * expired (its expiry is known since CONNECT, so that needs no read), or notices may have been missed (the broker is
 * away: then every frame reads). On such a notice this node's connections with that token, or of that account, are
 * closed at once. The 30 s sweep of open connections ({@link StompSessions#sweep}) stays as the safety net for a
 * change made without a notice, and vouches again for every token its one read per 500 found good, so a connection's
 * frames seldom read at all.
 */
@Component
class TokenVouches implements NodeNotices.Listener {

    /** The number {@link Vouches#begin()} gave before the read that found the token good. */
    static final String SINCE = "chat.vouchedSince";
    /** When the connection's token expires (an {@link Instant}). */
    static final String EXPIRES = "chat.tokenExpires";

    private final NodeNotices notices;
    /** Found when first needed: the sessions need the broker's user registry, which needs the gate, which needs this. */
    private final org.springframework.beans.factory.ObjectProvider<StompSessions> sessions;
    private final Clock clock;
    private final long windowNanos;
    private final Vouches vouches = new Vouches(20_000);

    TokenVouches(NodeNotices notices, org.springframework.beans.factory.ObjectProvider<StompSessions> sessions, Clock clock,
                 @Value("${village.chat.token-recheck:PT30S}") Duration window) {
        this.notices = notices;
        this.sessions = sessions;
        this.clock = clock;
        this.windowNanos = window.toNanos();
        notices.listen(this);
    }

    /** Taken before a read of the token whose answer is to be kept. */
    long begin() {
        return vouches.begin();
    }

    /** The read begun at {@code since} found the token good (the read that found it bad closes the connection). */
    void vouched(Map<String, Object> session, long since) {
        session.put(StompGate.CHECKED, System.nanoTime());
        session.put(SINCE, since);
    }

    /** True when this connection's token may be taken as good without a read now. */
    boolean stillVouched(Map<String, Object> session, long accountId) {
        if (windowNanos <= 0 || !notices.reliable()) {
            return false;
        }
        return session.get(StompGate.CHECKED) instanceof Long at && System.nanoTime() - at < windowNanos
                && session.get(SINCE) instanceof Long since && vouches.stillGood(accountId, since)
                && session.get(EXPIRES) instanceof Instant expires && clock.instant().isBefore(expires);
    }

    @Override
    public void notice(NodeNotices.Notice notice) {
        if (NodeNotices.TOKEN.equals(notice.kind())) {
            vouches.changed(notice.accountId());
            sessions.getObject().closeToken(notice.key());
        } else if (NodeNotices.ACCOUNT.equals(notice.kind())) {
            vouches.changed(notice.accountId());
            sessions.getObject().closeAccount(notice.accountId());
        }
    }

    @Override
    public void missed() {
        vouches.forgetAll();
    }
}
