package org.village.chat.api;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.village.chat.ChatService;
import org.village.chat.api.StompErrors.StompRefused;
import org.village.security.ApiTokens;
import org.village.security.VillageUser;

/**
 * The door of the STOMP API (decision 082), on every frame a client sends:
 * <ul>
 *   <li>{@code CONNECT}: the {@code Authorization: Bearer <token>} header must hold a good token (not expired, not
 *       revoked, account on); else an ERROR frame and the connection closes;</li>
 *   <li>{@code SUBSCRIBE}: only to {@code /topic/rooms.{id}} of a room the person may join (else an error on
 *       {@code /user/queue/errors} and no subscription), or to {@code /user/queue/errors} and
 *       {@code /user/queue/sent}; any other destination is an ERROR frame;</li>
 *   <li>{@code SEND}: only to {@code /app/rooms.{id}.send}; {@code /topic/...} or anything else is an ERROR frame.</li>
 * </ul>
 * The token is checked again on a SUBSCRIBE or SEND once {@code village.chat.token-recheck} (30 s) has passed since
 * it was last found good, and at once after any node says it or its account stopped working ({@link TokenVouches},
 * decision 112: such a notice also closes the connection), after it expired, and on every frame while notices may be
 * missed; so a revoked or expired token stops working on an open connection too. More than {@code village.chat.frames-per-second}
 * (30) frames a second on one connection is a flood: an ERROR frame. While a frame is handled the person is the
 * signed-in one, so {@link ChatService} makes the same checks as for the portal's own pages.
 */
@Component
class StompGate implements ExecutorChannelInterceptor {

    static final Pattern ROOM_TOPIC = Pattern.compile("/topic/rooms\\.(\\d{1,18})");
    static final Pattern ROOM_SEND = Pattern.compile("/app/rooms\\.(\\d{1,18})\\.send");
    /** The connection's token, as its hash (never the token itself). */
    static final String TOKEN = "chat.token";
    static final String CHECKED = "chat.checkedAt";
    /** The person the token named at CONNECT (the sweep of open connections checks them without loading anyone). */
    static final String USER = "chat.user";
    static final String LANGUAGE = "chat.language";
    /** On a SEND whose token is due to be checked again: the token's hash and the account, for the frame thread. */
    static final String RECHECK = "village.recheck";
    static final String RECHECK_USER = "village.recheckUser";
    static final String TOKEN_GONE =
            "This token does not work any more: it expired, was revoked, or the password changed. Please sign in again.";
    /** On a SEND while a JFR recording wants {@link org.village.chat.internal.ChatFrameEvent}: System.nanoTime()s. */
    static final String GATE_START = "village.gateStart";
    static final String GATE_END = "village.gateEnd";
    /** Asked only whether the event is enabled (a recording with it runs); never committed. */
    static final org.village.chat.internal.ChatFrameEvent FRAME_TIMING = new org.village.chat.internal.ChatFrameEvent();

    private final ApiTokens tokens;
    private final ChatService chat;
    private final StompReplies replies;
    static final String WINDOW = "chat.frameWindow";

    private final TokenVouches vouches;
    private final int framesPerSecond;

    private final org.springframework.beans.factory.ObjectProvider<MessageChannel> outbound;

    StompGate(ApiTokens tokens, ChatService chat, StompReplies replies,
              @org.springframework.beans.factory.annotation.Qualifier("clientOutboundChannel")
              org.springframework.beans.factory.ObjectProvider<MessageChannel> outbound,
              TokenVouches vouches,
              @Value("${village.chat.frames-per-second:30}") int framesPerSecond) {
        this.tokens = tokens;
        this.chat = chat;
        this.replies = replies;
        this.outbound = outbound;
        this.vouches = vouches;
        this.framesPerSecond = Math.max(1, framesPerSecond);
    }

    /** A connection's frames in the current second: more than allowed is an ERROR frame (a flood, not a person). */
    private void count(StompHeaderAccessor accessor) {
        Map<String, Object> session = accessor.getSessionAttributes();
        if (session == null) {
            return;
        }
        long now = System.nanoTime();
        long[] window = (long[]) session.computeIfAbsent(WINDOW, k -> new long[] {now, 0});
        synchronized (window) {
            if (now - window[0] >= 1_000_000_000L) {
                window[0] = now;
                window[1] = 0;
            }
            if (++window[1] > framesPerSecond) {
                throw new StompRefused("rate_limited", "Too many frames at once. Please slow down and connect again.");
            }
        }
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        if (accessor.getCommand() == StompCommand.SEND && FRAME_TIMING.isEnabled()) {
            // a JFR recording wants the frame's timings (decision 054): the gate's start, its end is set by send()
            accessor.setHeader(GATE_START, System.nanoTime());
        }
        if (accessor.getCommand() != StompCommand.DISCONNECT) {
            // not the DISCONNECT Spring sends when a connection ends: refused, the broker would keep its
            // subscriptions (a connection cut off for a flood left them behind)
            count(accessor);
        }
        return switch (accessor.getCommand()) {
            case CONNECT, STOMP -> connect(message, accessor);
            case SUBSCRIBE -> subscribe(message, accessor);
            case SEND -> send(message, accessor);
            default -> message;
        };
    }

    private Message<?> connect(Message<?> message, StompHeaderAccessor accessor) {
        String token = bearer(accessor.getFirstNativeHeader("Authorization"))
                .or(() -> bearer(accessor.getFirstNativeHeader("authorization"))).orElse(null);
        if (token == null) {
            throw new StompRefused("unauthorized", "Please sign in first: send the header Authorization: Bearer and a token"
                    + " from POST /api/auth/token.");
        }
        long since = vouches.begin();
        ApiTokens.Checked checked = tokens.check(token).orElseThrow(() -> new StompRefused("unauthorized", TOKEN_GONE));
        VillageUser user = checked.user();
        if (!user.isParent() && !user.isPeerSupporter() && !user.isStaff()) {
            throw new StompRefused("not_allowed", "Chat is for families and staff.");
        }
        Map<String, Object> session = accessor.getSessionAttributes();
        if (session != null) {
            session.put(TOKEN, ApiTokens.hash(token)); // only its hash is kept: each frame's check reads by it
            session.put(USER, user);
            session.put(TokenVouches.EXPIRES, checked.expiresAt());
            vouches.vouched(session, since);
            String language = accessor.getFirstNativeHeader("accept-language");
            session.put(LANGUAGE, language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("pl") ? "pl" : "en");
        }
        accessor.setUser(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return message;
    }

    private Message<?> subscribe(Message<?> message, StompHeaderAccessor accessor) {
        VillageUser user = current(accessor);
        String destination = accessor.getDestination() == null ? "" : accessor.getDestination();
        if (destination.equals("/user/queue/errors") || destination.equals("/user/queue/sent")) {
            return message;
        }
        Matcher room = ROOM_TOPIC.matcher(destination);
        if (!room.matches()) {
            throw new StompRefused("not_allowed", "You can subscribe to /topic/rooms.{id}, /user/queue/errors and"
                    + " /user/queue/sent only.");
        }
        long roomId = Long.parseLong(room.group(1));
        if (!as(user, () -> chat.mayJoin(roomId))) {
            replies.error(accessor, null, "not_allowed", "chat.problem.notAllowed");
            return null; // no subscription, so no data
        }
        return message;
    }

    private Message<?> send(Message<?> message, StompHeaderAccessor accessor) {
        String destination = accessor.getDestination() == null ? "" : accessor.getDestination();
        if (!ROOM_SEND.matcher(destination).matches()) {
            throw new StompRefused("send_not_allowed", "You can send to /app/rooms.{id}.send only.");
        }
        VillageUser user = person(accessor);
        Map<String, Object> session = accessor.getSessionAttributes();
        if (session != null && recheckDue(session)) {
            // the token's read is left to the frame's handling on the bounded frame threads (decision 107): here, on
            // the connection's own (unbounded) thread, a read waited for the pool with every other frame's, and a cold
            // or busy node's frames all timed out together and closed their connections
            if (!(session.get(TOKEN) instanceof String hash)) {
                throw new StompRefused("unauthorized", TOKEN_GONE);
            }
            accessor.setHeader(RECHECK, hash);
            accessor.setHeader(RECHECK_USER, user.id());
        }
        if (accessor.getHeader(GATE_START) != null) {
            accessor.setHeader(GATE_END, System.nanoTime());
        }
        return message;
    }

    /** The person on this connection, as the token named them at CONNECT; no read. */
    private static VillageUser person(StompHeaderAccessor accessor) {
        Principal principal = accessor.getUser();
        if (!(principal instanceof UsernamePasswordAuthenticationToken auth) || !(auth.getPrincipal() instanceof VillageUser user)) {
            throw new StompRefused("unauthorized", "Please send CONNECT with a token first.");
        }
        return user;
    }

    /** True unless the connection's token was found good lately and nothing since says otherwise (decision 112). */
    private boolean recheckDue(Map<String, Object> session) {
        return !(session.get(USER) instanceof VillageUser user && vouches.stillVouched(session, user.id()));
    }

    /** The person on this connection, with their token checked again. */
    private VillageUser current(StompHeaderAccessor accessor) {
        VillageUser user = person(accessor);
        Map<String, Object> session = accessor.getSessionAttributes();
        if (session == null || !recheckDue(session)) {
            return user;
        }
        // the person is the one the token named at CONNECT (as a web session keeps who signed in); whether the token
        // still works is one read (a revoked or expired token, a switched-off account or a new password end it)
        Object token = session.get(TOKEN);
        long since = vouches.begin();
        if (!(token instanceof String hash) || !tokens.stillGoodByHash(hash, user.id())) {
            throw new StompRefused("unauthorized", TOKEN_GONE);
        }
        vouches.vouched(session, since);
        return user;
    }

    /**
     * A SEND's token check, made by its handling on a frame thread (see {@link #send}): true when the frame may go on.
     * The read compares the account's stamp too, so the handling's own check need not read it again.
     */
    boolean stillGood(org.springframework.messaging.MessageHeaders headers, Map<String, Object> session) {
        String hash;
        long userId;
        if (headers.get(RECHECK) instanceof String due && headers.get(RECHECK_USER) instanceof Long dueUser) {
            hash = due;
            userId = dueUser;
        } else if (session == null) {
            return true; // no connection to keep anything in (not over a WebSocket)
        } else if (session.get(USER) instanceof VillageUser user && session.get(TOKEN) instanceof String token) {
            if (vouches.stillVouched(session, user.id())) {
                // vouched at the gate and still now (a notice may have come while the frame waited for a thread): the
                // token is good, so its stamp is the account's, and the service layer's check need not read it either
                org.village.security.SessionStamps.vouch(user.id(), user.securityStamp());
                return true;
            }
            hash = token;
            userId = user.id();
        } else {
            return false;
        }
        // read as nobody: the frame's handling already runs as the person, and the service layer's own check
        // (EndedSessionAdvice) would read the account's stamp first, a second read, and answer a changed password
        // with its own exception instead of this check's "unauthorized"
        var asPerson = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        boolean good;
        long since = vouches.begin();
        try {
            good = tokens.stillGoodByHash(hash, userId);
        } finally {
            SecurityContextHolder.setContext(asPerson);
        }
        if (!good) {
            return false;
        }
        if (session != null) {
            vouches.vouched(session, since);
            if (session.get(USER) instanceof VillageUser user && user.id() == userId) {
                org.village.security.SessionStamps.vouch(userId, user.securityStamp());
            }
        }
        return true;
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    static <T> T as(VillageUser user, java.util.function.Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** While a frame is handled (the @MessageMapping), the connection's person is the signed-in one. */
    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor != null && accessor.getUser() instanceof UsernamePasswordAuthenticationToken auth
                && auth.getPrincipal() instanceof VillageUser user) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        SecurityContextHolder.clearContext();
        org.village.security.SessionStamps.forgetVouched();
        receipt(message, handler, ex);
    }

    /**
     * A SUBSCRIBE with a {@code receipt} header gets its RECEIPT once the broker holds the subscription, so a client
     * knows from when nothing sent to the room passes it by (Spring's simple broker answers receipts only for
     * DISCONNECT). A refused subscription gets its error on {@code /user/queue/errors} and no receipt.
     */
    private void receipt(Message<?> message, MessageHandler handler, Exception ex) {
        if (ex != null || !(handler instanceof org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler)) {
            return;
        }
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() != org.springframework.messaging.simp.stomp.StompCommand.SUBSCRIBE
                || accessor.getReceipt() == null || accessor.getSessionId() == null) {
            return;
        }
        StompHeaderAccessor answer = StompHeaderAccessor.create(org.springframework.messaging.simp.stomp.StompCommand.RECEIPT);
        answer.setReceiptId(accessor.getReceipt());
        answer.setSessionId(accessor.getSessionId());
        answer.setLeaveMutable(false);
        outbound.getObject().send(org.springframework.messaging.support.MessageBuilder
                .createMessage(new byte[0], answer.getMessageHeaders()));
    }
}
