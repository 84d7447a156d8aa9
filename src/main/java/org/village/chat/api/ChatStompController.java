package org.village.chat.api;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.village.chat.Chat;
import org.village.chat.ChatService;
import org.village.shared.InputProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code SEND /app/rooms.{id}.send} with the body {@code {"clientId","body"}}: the message is stored through
 * {@link ChatService#send} and reaches every subscriber of {@code /topic/rooms.{id}} (the sender too) from the
 * fan-out. What goes back to the sender's connection only: a refusal, or a held message, on
 * {@code /user/queue/errors} ({@code clientId, code, message}); a retry of a message already stored on
 * {@code /user/queue/sent} (the stored message; nothing is sent to the room again).
 */
@Controller
class ChatStompController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatService chat;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatStompController.class);
    private final StompReplies replies;

    private final StompGate gate;

    ChatStompController(ChatService chat, StompReplies replies, StompGate gate) {
        this.chat = chat;
        this.replies = replies;
        this.gate = gate;
    }

    @MessageMapping("rooms.{roomId}.send")
    void send(@DestinationVariable long roomId, Message<?> frame, SimpMessageHeaderAccessor from) {
        if (frame.getHeaders().get(StompGate.GATE_END) instanceof Long gateEnd
                && frame.getHeaders().get(StompGate.GATE_START) instanceof Long gateStart) {
            // a JFR recording wants where the frame's time went (decision 054)
            var timing = new org.village.chat.internal.ChatFrameEvent();
            timing.begin();
            long start = System.nanoTime();
            timing.gate = gateEnd - gateStart;
            timing.queued = start - gateEnd;
            try {
                handle(roomId, frame, from);
            } finally {
                timing.handling = System.nanoTime() - start;
                timing.commit();
            }
            return;
        }
        handle(roomId, frame, from);
    }

    private void handle(long roomId, Message<?> frame, SimpMessageHeaderAccessor from) {
        // the body is read here, whatever content type the client sent, so nothing it sends can fail unseen
        String payload = frame.getPayload() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(frame.getPayload());
        String clientId = null;
        String body = null;
        try {
            JsonNode json = JSON.readTree(payload == null ? "" : payload);
            if (json != null && json.isObject()) {
                clientId = json.path("clientId").isString() ? json.path("clientId").asString() : null;
                body = json.path("body").isString() ? json.path("body").asString() : null;
            }
        } catch (RuntimeException unreadable) {
            replies.error(from, null, "bad_request", "chat.problem.badRequest");
            return;
        }
        // the token, when due, is checked here on a frame thread, not at the gate (decision 107); a failed read goes to
        // failed() below, which answers "failed" with the client id: the app sends it again, nothing is stored twice
        if (!gate.stillGood(frame.getHeaders(), from.getSessionAttributes())) {
            replies.errorText(from, clientId, "unauthorized", StompGate.TOKEN_GONE);
            return;
        }
        if (clientId == null || body == null) {
            replies.error(from, clientId, "bad_request", "chat.problem.badRequest");
            return;
        }
        switch (chat.send(roomId, clientId, body)) {
            case Chat.Refused refused ->
                    replies.errorText(from, clientId, refused.refusal().code(), refused.message(StompReplies.locale(from)));
            case Chat.Stored stored when stored.message().waiting() && !stored.again() ->
                    replies.error(from, clientId, stored.heldCode(), stored.urgent() ? "chat.sent.urgent" : "chat.sent.held");
            case Chat.Stored stored when stored.again() ->
                    replies.reply(from, "/queue/sent", ChatJson.message(stored.message()));
            case Chat.Stored stored -> {
                // shown: every subscriber, the sender too, gets it from the fan-out after the commit
            }
        }
    }

    @MessageExceptionHandler({AccessDeniedException.class, InputProblem.class})
    void refused(Exception e, SimpMessageHeaderAccessor from) {
        replies.error(from, null, "not_allowed", "chat.problem.notAllowed");
    }

    /** Anything else that went wrong with one frame: the client is told; the connection and the server carry on. */
    @MessageExceptionHandler
    void failed(RuntimeException e, Message<?> frame, SimpMessageHeaderAccessor from) {
        // which kind of failure, never the words or who: enough to find it, nothing personal in the log
        var kinds = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && kinds.length() < 300; cause = cause.getCause()) {
            kinds.append(" < ").append(cause.getClass().getSimpleName());
        }
        log.warn("A chat frame failed: {}", kinds);
        // the client id, when the frame has one, so the app knows which message to send again (same id: never twice)
        String clientId = null;
        try {
            String payload = frame.getPayload() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(frame.getPayload());
            JsonNode json = JSON.readTree(payload);
            if (json != null && json.path("clientId").isString()
                    && org.village.chat.Chat.validClientId(json.path("clientId").asString())) {
                clientId = json.path("clientId").asString();
            }
        } catch (RuntimeException unreadable) {
            // no client id to give
        }
        replies.error(from, clientId, "failed", "chat.problem.failed");
    }
}
