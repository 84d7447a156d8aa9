package org.village.chat.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;

/**
 * Hands every stored or changed message that reaches this node (from any node) to this node's STOMP subscribers of
 * {@code /topic/rooms.{id}}, as the API's message JSON. Presence and typing stay with the portal's own pages.
 */
@Component
class StompDelivery {

    private final ObjectProvider<SimpMessagingTemplate> template;

    StompDelivery(ChatFanout fanout, ObjectProvider<SimpMessagingTemplate> template) {
        this.template = template;
        fanout.receive(this::on);
    }

    private void on(ChatEvent event) {
        switch (event) {
            case ChatEvent.MessageStored stored -> send(stored.roomId(), stored.message());
            case ChatEvent.MessageChanged changed -> send(changed.roomId(), changed.message());
            default -> {
            }
        }
    }

    private void send(long roomId, org.village.chat.Chat.Message message) {
        template.getObject().convertAndSend("/topic/rooms." + roomId, (Object) ChatJson.message(message.forReaders()));
    }
}
