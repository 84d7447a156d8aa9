package org.village.chat.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.village.chat.Chat;

/** The JSON shapes of the chat API (REST and STOMP), with the field names the issue fixed for other apps. */
public final class ChatJson {

    private ChatJson() {
    }

    /** {@code roomId, seq, clientId, author, body, sentAt (RFC 3339, UTC), deleted}. */
    public static Map<String, Object> message(Chat.Message m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("roomId", m.roomId());
        json.put("seq", m.seq());
        json.put("clientId", m.clientId());
        json.put("author", m.author());
        json.put("body", m.deleted() ? "" : m.body());
        json.put("sentAt", m.sentAt().toString());
        json.put("deleted", m.deleted());
        return json;
    }

    /** {@code id, name, description, open, opensAt, closesAt, lastSeq}. */
    public static Map<String, Object> room(Chat.Room r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", r.id());
        json.put("name", r.name());
        json.put("description", r.description());
        json.put("open", r.open());
        json.put("opensAt", r.opensAt() == null ? null : r.opensAt().toString());
        json.put("closesAt", r.closesAt() == null ? null : r.closesAt().toString());
        json.put("lastSeq", r.lastSeq());
        return json;
    }

    /** An error for {@code /user/queue/errors}: {@code clientId, code, message}. */
    public static Map<String, Object> error(String clientId, String code, String message) {
        var json = new LinkedHashMap<String, Object>();
        json.put("clientId", clientId);
        json.put("code", code);
        json.put("message", message);
        return json;
    }
}
