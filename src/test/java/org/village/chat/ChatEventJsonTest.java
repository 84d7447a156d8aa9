package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every chat event goes through JSON and back unchanged, so a broker transport can carry it between nodes. */
class ChatEventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyEventGoesThroughJsonAndBack() {
        var at = Instant.parse("2026-12-01T19:02:11.532Z");
        var shown = new Chat.Message(7, 3, 42L, "app-1", 11, "Sunflower", "Hello *all* </script> 😀", at, Chat.Status.SHOWN);
        var removed = new Chat.Message(8, 3, 43L, "app-2", 12, "Robin", "", at, Chat.Status.DELETED);
        List<ChatEvent> events = List.of(new ChatEvent.MessageStored(3, shown), new ChatEvent.MessageChanged(3, removed),
                new ChatEvent.RoomChanged(3), new ChatEvent.Presence(3, 11, "Sunflower", true, "node-a", at),
                new ChatEvent.Typing(3, 12, "Robin", at), new ChatEvent.PresenceRenewed(3, "node-b",
                        List.of(new Chat.Present(11, "Sunflower"), new Chat.Present(12, "Robin \u202E")), at),
                new ChatEvent.PresenceRenewed(4, "node-b", List.of(), at));
        for (ChatEvent event : events) {
            String json = JSON.writeValueAsString(event);
            assertThat(json).contains("\"type\"");
            assertThat(JSON.readValue(json, ChatEvent.class)).as(json).isEqualTo(event);
        }
        assertThat(JSON.writeValueAsString(new ChatEvent.MessageStored(3, shown))).doesNotContain("waiting", "forReaders");
    }
}
