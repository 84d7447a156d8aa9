package org.village.chat;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.village.chat.Chat.Message;
import org.village.chat.Chat.Status;
import org.village.chat.internal.ChatStore;
import org.village.moderation.ModeratedContent;
import org.village.moderation.Subject;

/**
 * Chat messages in the moderation queue (kind {@code chat-message}). States as moderation names them: PUBLISHED
 * (shown), HELD (waiting), HIDDEN (after reports), DELETED. Moderation checks MODERATE before it calls. A decision
 * on a shown message is told to the room at once; an approved held message takes the room's next number then.
 */
@Component
class ChatModeratedContent implements ModeratedContent {

    private final ChatStore store;
    private final ChatService chat;
    private final Clock clock;

    ChatModeratedContent(ChatStore store, ChatService chat, Clock clock) {
        this.store = store;
        this.chat = chat;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Subject.CHAT_MESSAGE;
    }

    static String state(Status status) {
        return status == Status.SHOWN ? "PUBLISHED" : status.name();
    }

    static Status status(String state) {
        return "PUBLISHED".equals(state) ? Status.SHOWN : Status.valueOf(state);
    }

    @Override
    public Optional<Item> find(long id) {
        return store.message(id).map(this::item);
    }

    private Item item(Message m) {
        String room = store.room(m.roomId()).map(ChatStore.RoomRow::name).orElse("");
        List<String> before = store.context(m.roomId(), m.id(), 5).stream()
                .map(c -> ModeratedContent.contextLine(c.author(), c.body())).toList();
        return new Item(Subject.chatMessage(m.id()), m.authorId(), m.author(), "Chat › " + room,
                store.typed(m.id()).orElse(m.body()), state(m.status()), m.sentAt(), "chat/" + m.roomId(), before);
    }

    @Override
    public List<Item> byAuthor(long authorId, int limit) {
        return store.byAuthor(authorId, ModeratedContent.historyLimit(limit)).stream().map(this::item).toList();
    }

    @Override
    public Outcome apply(long id, String expectedState, Decision decision) {
        return ModeratedContent.applyFrom(store.message(id), expectedState, ChatModeratedContent::status, (m, from) -> {
            Instant now = clock.instant();
            boolean done = switch (decision.action()) {
                case APPROVE -> from == Status.HELD ? chat.approveHeld(id)
                        : from == Status.HIDDEN || from == Status.DELETED ? store.changeStatus(id, from, Status.SHOWN, now) : false;
                case EDIT -> decision.newBody() != null && store.replaceBody(id, from, decision.newBody(), now);
                case HIDE, AUTO_HIDE -> from != Status.HIDDEN && store.changeStatus(id, from, Status.HIDDEN, now);
                case DELETE -> from != Status.DELETED && store.changeStatus(id, from, Status.DELETED, now);
            };
            // an approved held message was told to the room as it took its number
            if (done && !(decision.action() == ModeratedContent.Action.APPROVE && from == Status.HELD)) {
                chat.changed(id);
            }
            return done;
        });
    }
}
