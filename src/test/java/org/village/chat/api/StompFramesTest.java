package org.village.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * The room frame built once per message is, for each subscriber, byte for byte what Spring's {@code StompEncoder}
 * writes for the same headers in the same order, and what a STOMP client's decoder reads back: the headers, a
 * subscription id with characters that must be escaped, and a body with non-ASCII text (content-length in bytes).
 */
class StompFramesTest {

    @Test
    void aSubscribersFrameIsWhatSpringsEncoderWritesAndAClientReads() {
        String json = "{\"roomId\":7,\"seq\":3,\"clientId\":\"a-1\",\"author\":\"Zoë \\\"</script>\",\"body\":\"cześć ‮ 👋\","
                + "\"sentAt\":\"2026-12-01T22:00:00Z\",\"deleted\":false}";
        String session = "5f2a-b";
        String subscription = "sub:1\\x\ny";
        var frame = StompFrames.frame("/topic/rooms.7", json, 42);
        String text = frame.forSubscriber(StompFrames.escape(session), subscription);

        var spring = StompHeaderAccessor.create(StompCommand.MESSAGE);
        spring.setNativeHeader("destination", "/topic/rooms.7");
        spring.setNativeHeader("content-type", "application/json");
        spring.setNativeHeader("subscription", subscription);
        spring.setNativeHeader("message-id", session + "-c42");
        byte[] expected = new StompEncoder().encode(spring.getMessageHeaders(), json.getBytes(StandardCharsets.UTF_8));
        byte[] actual = text.getBytes(StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(expected);
        assertThat(frame.bytes(StompFrames.escape(session), subscription)).isBetween(actual.length - 3, actual.length);

        var decoded = new StompDecoder().decode(ByteBuffer.wrap(actual));
        assertThat(decoded).hasSize(1);
        var headers = MessageHeaderAccessor.getAccessor(decoded.getFirst(), StompHeaderAccessor.class);
        assertThat(headers.getCommand()).isEqualTo(StompCommand.MESSAGE);
        assertThat(headers.getDestination()).isEqualTo("/topic/rooms.7");
        assertThat(headers.getSubscriptionId()).isEqualTo(subscription);
        assertThat(headers.getMessageId()).isEqualTo(session + "-c42");
        assertThat(headers.getFirstNativeHeader("content-type")).isEqualTo("application/json");
        assertThat(headers.getContentLength()).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String((byte[]) decoded.getFirst().getPayload(), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void escapingLeavesPlainValuesAloneAndEscapesTheFourCharacters() {
        String plain = "sub-0";
        assertThat(StompFrames.escape(plain)).isSameAs(plain);
        assertThat(StompFrames.escape("a\\b:c\nd\re")).isEqualTo("a\\\\b\\cc\\nd\\re");
        assertThat(StompFrames.utf8Length("abc")).isEqualTo(3);
        assertThat(StompFrames.utf8Length("aé👋")).isEqualTo(1 + 2 + 4);
    }
}
