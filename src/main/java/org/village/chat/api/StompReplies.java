package org.village.chat.api;

import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.village.shared.Texts;

/** Answers to one connection only (not to the person's other devices): errors and retries of stored messages. */
@Component
class StompReplies {

    private final ObjectProvider<SimpMessagingTemplate> template;

    StompReplies(ObjectProvider<SimpMessagingTemplate> template) {
        this.template = template;
    }

    static Locale locale(SimpMessageHeaderAccessor accessor) {
        Map<String, Object> session = accessor.getSessionAttributes();
        Object language = session == null ? null : session.get(StompGate.LANGUAGE);
        return "pl".equals(language) ? Locale.forLanguageTag("pl") : Locale.ENGLISH;
    }

    /** An error on {@code /user/queue/errors}: {@code clientId, code, message} (the message from the bundles). */
    void error(SimpMessageHeaderAccessor to, String clientId, String code, String key, Object... args) {
        errorText(to, clientId, code, Texts.text(locale(to), key, args));
    }

    void errorText(SimpMessageHeaderAccessor to, String clientId, String code, String text) {
        reply(to, "/queue/errors", ChatJson.error(clientId, code, text));
    }

    void reply(SimpMessageHeaderAccessor to, String queue, Object payload) {
        if (to.getUser() == null || to.getSessionId() == null) {
            return;
        }
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(to.getSessionId());
        headers.setLeaveMutable(true);
        template.getObject().convertAndSendToUser(to.getUser().getName(), queue, payload, headers.getMessageHeaders());
    }
}
