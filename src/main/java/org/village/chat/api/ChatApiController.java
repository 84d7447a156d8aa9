package org.village.chat.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.village.chat.Chat;
import org.village.chat.ChatService;

/**
 * Chat's REST API for other apps, behind a Bearer token ({@code ApiSecurityConfig}): the rooms this person may join,
 * and a room's messages after a sequence number (catch-up after a drop). A room they may not join, or that does not
 * exist, is the same 404. Live messages come over STOMP at {@code /ws} (README, "Chat API for other apps").
 */
@RestController
class ChatApiController {

    private final ChatService chat;

    ChatApiController(ChatService chat) {
        this.chat = chat;
    }

    @GetMapping(value = "/api/chat/rooms", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> rooms() {
        return chat.rooms().stream().map(ChatJson::room).toList();
    }

    @GetMapping(value = "/api/chat/rooms/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> messages(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
                                       @RequestParam(defaultValue = "50") int limit) {
        if (!chat.mayJoin(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no chat room here that you can join.");
        }
        if (after < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "after must be 0 or more.");
        }
        if (limit < 1 || limit > Chat.HISTORY_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + Chat.HISTORY_MAX + ".");
        }
        return chat.history(id, after, limit).stream().map(ChatJson::message).toList();
    }
}
