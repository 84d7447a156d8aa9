package org.village.notification;

import java.time.Instant;
import java.util.List;

/**
 * One message to one person. The words are a bundle key and its arguments, so they are shown in the reader's
 * language; {@code link} is a relative address inside the portal.
 */
public record Notification(long id, String kind, String key, List<String> args, String link, Instant createdAt,
                           Instant readAt) {

    public Notification {
        args = List.copyOf(args);
    }

    public boolean unread() {
        return readAt == null;
    }
}
