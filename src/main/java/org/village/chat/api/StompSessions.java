package org.village.chat.api;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.village.chat.ChatService;
import org.village.security.ApiTokens;
import org.village.security.VillageUser;

/**
 * The open STOMP connections of this node, so that one whose token stopped working (revoked, expired, password
 * changed, account switched off) or whose person may no longer join a room they subscribed to (removed by a
 * moderator) is closed within {@code village.chat.token-sweep} (30 s), even if it never sends another frame.
 * The client reconnects, and the gate then says why.
 */
@Component
public class StompSessions {

    private static final Logger log = LoggerFactory.getLogger(StompSessions.class);
    /** The close status for a connection that may not go on (policy violation). */
    static final CloseStatus NOT_ANY_MORE = CloseStatus.POLICY_VIOLATION.withReason("sign in again");

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final ApiTokens tokens;
    private final ChatService chat;
    private final SimpUserRegistry users;
    private final TokenVouches vouches;

    StompSessions(ApiTokens tokens, ChatService chat, SimpUserRegistry users, TokenVouches vouches) {
        this.vouches = vouches;
        this.tokens = tokens;
        this.chat = chat;
        this.users = users;
    }

    /** Wraps the STOMP handler so this registry sees connections open and close, and sets each one's frame limit. */
    WebSocketHandler decorate(WebSocketHandler handler, int maxFrameBytes) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                // this connection's limit for one message, and only this one's: a container-wide default would size
                // every WebSocket's buffers (each portal page's push too) for STOMP frames (decision 088)
                session.setTextMessageSizeLimit(maxFrameBytes);
                session.setBinaryMessageSizeLimit(maxFrameBytes);
                open.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                open.remove(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    /** Closes this node's connections made with this token (its hash); returns how many (decision 112). */
    int closeToken(String tokenHash) {
        return tokenHash == null ? 0 : closeWhere(session -> tokenHash.equals(session.getAttributes().get(StompGate.TOKEN)));
    }

    /** Closes this node's connections of this account; returns how many (decision 112). */
    int closeAccount(long accountId) {
        return closeWhere(session -> session.getAttributes().get(StompGate.USER) instanceof VillageUser user
                && user.id() == accountId);
    }

    private int closeWhere(java.util.function.Predicate<WebSocketSession> ended) {
        int closed = 0;
        for (WebSocketSession session : open.values()) {
            if (ended.test(session)) {
                try {
                    session.close(NOT_ANY_MORE);
                    closed++;
                } catch (IOException | RuntimeException e) {
                    log.warn("A chat connection could not be closed ({})", e.getClass().getSimpleName());
                }
            }
        }
        return closed;
    }

    /** How many STOMP connections this node has open. */
    public int count() {
        return open.size();
    }

    /**
     * Closes every connection that may not go on; returns how many it closed. One sweep makes a few reads however
     * many connections are open (decision 104): the tokens in one read per 500, then the rooms and the removals from
     * rooms once; before, each connection cost a token read, an account load and two or three reads per room.
     */
    @Scheduled(fixedDelayString = "${village.chat.token-sweep:PT30S}", initialDelayString = "${village.chat.token-sweep:PT30S}")
    public int sweep() {
        List<WebSocketSession> sessions = List.copyOf(open.values());
        Set<String> hashes = new HashSet<>();
        for (WebSocketSession session : sessions) {
            if (session.getAttributes().get(StompGate.TOKEN) instanceof String hash) {
                hashes.add(hash);
            }
        }
        if (hashes.isEmpty()) {
            return 0;
        }
        Map<String, Long> good;
        BiPredicate<VillageUser, Long> mayJoin;
        long since = vouches.begin();
        try {
            good = tokens.stillGoodByHash(hashes);
            mayJoin = chat.whoMayJoinNow();
        } catch (RuntimeException e) {
            log.warn("Chat connections could not be checked this time ({})", e.getClass().getSimpleName());
            return 0;
        }
        int closed = 0;
        for (WebSocketSession session : sessions) {
            try {
                if (!mayGoOn(session, good, mayJoin)) {
                    session.close(NOT_ANY_MORE);
                    closed++;
                } else if (session.getAttributes().get(StompGate.TOKEN) != null) {
                    // its token was just read as good: vouched for again from this read on (decision 112), so a
                    // connection's frames need no read of their own while the sweeps keep finding it good
                    vouches.vouched(session.getAttributes(), since);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("A chat connection could not be checked or closed ({})", e.getClass().getSimpleName());
            }
        }
        return closed;
    }

    private boolean mayGoOn(WebSocketSession session, Map<String, Long> good, BiPredicate<VillageUser, Long> mayJoin) {
        Object token = session.getAttributes().get(StompGate.TOKEN);
        if (!(token instanceof String hash)) {
            return true; // not connected with STOMP yet: the first-frame time limit closes it
        }
        Long account = good.get(hash);
        if (account == null || !(session.getAttributes().get(StompGate.USER) instanceof VillageUser user)
                || user.id() != account) {
            return false;
        }
        SimpSession stomp = sessionOf(user, session.getId());
        if (stomp == null) {
            return true;
        }
        for (SimpSubscription subscription : stomp.getSubscriptions()) {
            Matcher room = StompGate.ROOM_TOPIC.matcher(subscription.getDestination());
            if (room.matches() && !mayJoin.test(user, Long.parseLong(room.group(1)))) {
                return false;
            }
        }
        return true;
    }

    private SimpSession sessionOf(VillageUser user, String sessionId) {
        var simpUser = users.getUser(user.getUsername());
        return simpUser == null ? null : simpUser.getSession(sessionId);
    }
}
