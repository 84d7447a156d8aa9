package org.village.chat.api;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame a client gets when a frame is refused: a plain {@code message} header and body, never the server's
 * inner workings. The refusals are {@link StompRefused}; anything else reads "This frame could not be read.".
 */
class StompErrors extends StompSubProtocolErrorHandler {

    @Override
    public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof StompRefused)) {
            cause = cause.getCause();
        }
        String text = cause instanceof StompRefused refused ? refused.getMessage() : "This frame could not be read.";
        String code = cause instanceof StompRefused refused ? refused.code() : "bad_frame";
        var accessor = StompHeaderAccessor.create(StompCommand.ERROR);
        accessor.setMessage(text);
        accessor.setNativeHeader("code", code);
        accessor.setContentType(org.springframework.util.MimeTypeUtils.TEXT_PLAIN);
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(text.getBytes(StandardCharsets.UTF_8), accessor.getMessageHeaders());
    }

    /** A refusal with a code and a plain message for the client. */
    static final class StompRefused extends MessageDeliveryException {
        private final String code;

        StompRefused(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
