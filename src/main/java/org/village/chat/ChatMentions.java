package org.village.chat;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;

/**
 * "@Name" in a chat message tells that person, when they are not in the room just now, with a notification that
 * links to the room (kept simple, issue 11). Only the writer of a stored, shown message may ask, only for people the
 * room knows (its writers and the people here), at most {@value #MAX_TOLD} a message, and never themselves. The
 * e-mail that may follow is discreet (notification's own wording).
 */
@Service
public class ChatMentions {

    static final int MAX_TOLD = 5;

    private final Notifications notifications;
    private final CurrentUser currentUser;

    ChatMentions(Notifications notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    /**
     * Tells the people named in the message who are not here. {@code known} is display name to account for the
     * room; {@code here} the accounts in the room now. Returns how many were told.
     */
    public int tell(Chat.Room room, Chat.Message message, Map<String, Long> known, Set<Long> here) {
        var me = currentUser.get().orElse(null);
        if (me == null || message.authorId() != me.id() || message.status() != Chat.Status.SHOWN
                || message.roomId() != room.id() || message.body() == null || message.body().indexOf('@') < 0) {
            return 0;
        }
        var told = new LinkedHashSet<Long>();
        String lower = message.body().toLowerCase(Locale.ROOT);
        for (var person : known.entrySet()) {
            String name = person.getKey();
            long account = person.getValue();
            if (account == me.id() || here.contains(account) || told.contains(account) || name.isBlank()) {
                continue;
            }
            var at = Pattern.compile("@" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
            if (at.matcher(lower).find()) {
                told.add(account);
                if (told.size() > MAX_TOLD) {
                    break;
                }
                notifications.tell(account, "chat", "chat.notify.mentioned", "/chat/" + room.id(), me.displayName(),
                        room.name());
            }
        }
        return Math.min(told.size(), MAX_TOLD);
    }
}
