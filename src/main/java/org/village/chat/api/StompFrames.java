package org.village.chat.api;

import java.nio.charset.StandardCharsets;

/**
 * A room message's STOMP {@code MESSAGE} frame, built once per message for all its subscribers (decision 098). The
 * frame is the one Spring's simple broker and {@code StompEncoder} wrote for each subscriber, header for header and
 * byte for byte: {@code destination}, {@code content-type:application/json}, {@code subscription},
 * {@code message-id}, {@code content-length}, a blank line, the JSON body and a NUL. Only {@code subscription} (the
 * client's own id) and {@code message-id} (the connection's id and a number) differ per subscriber, so the frame is
 * kept as the text before and after them and spliced per subscriber.
 */
final class StompFrames {

    private StompFrames() {
    }

    /** One message's frame for every subscriber of its destination. */
    record Frame(String head, String tail, int fixedBytes) {

        /**
         * The frame for one subscription. {@code session} is the connection's id already escaped ({@link #escape});
         * {@code subscription} the client's id for its SUBSCRIBE, as the client sent it (escaped here).
         */
        String forSubscriber(String session, String subscription) {
            String sub = escape(subscription);
            return new StringBuilder(head.length() + sub.length() + session.length() + tail.length() + 12)
                    .append(head).append(sub).append("\nmessage-id:").append(session).append(tail).toString();
        }

        /** The frame's size in bytes for one subscriber (for the send-buffer limit; ids are counted as ASCII). */
        int bytes(String session, String subscription) {
            return fixedBytes + session.length() + subscription.length();
        }
    }

    /**
     * The frame for {@code json} sent to {@code destination}; {@code number} makes the {@code message-id}
     * ({@code <connection id>-c<number>}) unique on each connection, as Spring's is ({@code <connection id>-<n>}):
     * the letter keeps the two apart.
     */
    static Frame frame(String destination, String json, long number) {
        int bodyBytes = utf8Length(json);
        String head = "MESSAGE\ndestination:" + escape(destination) + "\ncontent-type:application/json\nsubscription:";
        String tail = "-c" + number + "\ncontent-length:" + bodyBytes + "\n\n" + json + "\0";
        int fixed = utf8Length(head) + "\nmessage-id:".length() + utf8Length(tail);
        return new Frame(head, tail, fixed);
    }

    /**
     * A header value escaped as STOMP 1.2 and Spring's {@code StompEncoder} escape it in a MESSAGE frame: backslash,
     * colon, line feed and carriage return.
     */
    static String escape(String value) {
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '\\' || c == ':' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        var out = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ':' -> out.append("\\c");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static int utf8Length(String s) {
        int ascii = 0;
        while (ascii < s.length() && s.charAt(ascii) < 0x80) {
            ascii++;
        }
        return ascii == s.length() ? ascii : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
