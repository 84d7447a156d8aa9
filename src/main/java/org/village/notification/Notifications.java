package org.village.notification;

import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.notification.internal.NotificationStore;
import org.village.security.CurrentUser;

/**
 * Messages inside the portal. Other features call {@link #tell}; the signed-in person lists, counts and marks only
 * their own (every method below {@code tell} works on the signed-in account, never on an id given by a page).
 * Open pages hear about a new message for their account at once (the bell, through Vaadin push); with several
 * nodes a page on another node sees it on its next navigation or reload: the database is the truth.
 */
@Service
@Transactional
public class Notifications {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9-]+)+");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_ARG = 200;

    private final NotificationStore store;
    private final Emails emails;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LiveCounts live;

    Notifications(NotificationStore store, Emails emails, CurrentUser currentUser, ApplicationEventPublisher events,
                  Clock clock, LiveCounts live) {
        this.live = live;
        this.store = store;
        this.emails = emails;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Tells one person something. {@code kind} is a short word for the feature ("forum", "booking", "team");
     * {@code key} a bundle key for the words, {@code args} its {0}, {1}… (shown as plain text, never as HTML);
     * {@code link} a relative path inside the portal such as {@code /team}. When the person asked for e-mail, a
     * discreet e-mail saying only that there is something new is queued too. Joins the caller's transaction.
     *
     * @return the notification's id
     */
    public long tell(long accountId, String kind, String key, String link, Object... args) {
        if (kind == null || !KIND.matcher(kind).matches() || key == null || key.length() > 120
                || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a notification needs a short kind and a bundle key");
        }
        Links.check(link);
        var words = new ArrayList<String>();
        for (Object arg : args) {
            String s = String.valueOf(arg).replace(NotificationStore.SEPARATOR, " ");
            words.add(s.length() > MAX_ARG ? s.substring(0, MAX_ARG - 1) + "…" : s);
        }
        if (NotificationStore.joinArgs(words).length() > 1000) {
            throw new IllegalArgumentException("too many words in a notification's arguments");
        }
        long id = store.insert(accountId, kind, key, words, link, clock.instant());
        emails.forNotification(accountId);
        events.publishEvent(new NotificationCreated(id, accountId));
        return id;
    }

    /** The signed-in person's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(int offset, int limit) {
        return store.page(me(), Math.max(0, offset), Math.clamp(limit, 1, 100));
    }

    @Transactional(readOnly = true)
    public long countMine() {
        return store.total(me());
    }

    /** How many of the signed-in person's notifications are unread; 0 when nobody is signed in. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.get().map(u -> store.unread(u.id())).orElse(0L);
    }

    /**
     * Marks one of the signed-in person's notifications as read. Someone else's (or one that does not exist) is
     * refused the same way, so ids cannot be probed.
     */
    public void markRead(long id) {
        long me = me();
        if (store.linkOf(me, id).isEmpty()) {
            throw new AccessDeniedException("Not your notification");
        }
        if (store.markRead(me, id, clock.instant()) > 0) {
            events.publishEvent(new NotificationsRead(me));
        }
    }

    /** Marks it read and gives its link, for the page that opens a notification. Someone else's is refused. */
    public String open(long id) {
        markRead(id);
        return store.linkOf(me(), id).orElseThrow();
    }

    public int markAllRead() {
        long me = me();
        int changed = store.markAllRead(me, clock.instant());
        if (changed > 0) {
            events.publishEvent(new NotificationsRead(me));
        }
        return changed;
    }

    private long me() {
        return currentUser.require().id();
    }

    // ---- live updates for open pages -------------------------------------------------------------------------

    /** Calls {@code onUnreadCount} (on another thread) whenever this account's unread count may have changed. */
    Registration subscribe(long accountId, LongConsumer onUnreadCount) {
        return live.subscribe(accountId, onUnreadCount);
    }

    @Transactional(readOnly = true)
    long unreadCountFor(long accountId) {
        return store.unread(accountId);
    }
}
