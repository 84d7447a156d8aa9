package org.village.chat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.village.shared.Texts;

/** The shapes {@link ChatService} answers with. */
public final class Chat {

    /** The longest message, in characters (Unicode code points), after surrounding spaces are taken off. */
    public static final int MAX_CHARS = 1000;
    /** The longest client message id. */
    public static final int CLIENT_ID_MAX = 64;

    /** A client message id: letters, digits and {@code . _ : -}, 1 to {@link #CLIENT_ID_MAX} long. */
    public static boolean validClientId(String id) {
        return id != null && ChatService.CLIENT_ID.matcher(id).matches();
    }
    /** The most messages one history call returns. */
    public static final int HISTORY_MAX = 200;

    private Chat() {
    }

    /** Who may join a room. */
    public enum Audience {
        /** Parents, peer supporters and staff. */
        EVERYONE,
        /** Parents, and staff to look after it. */
        PARENTS,
        /** Staff only. */
        STAFF
    }

    /**
     * A room as the person asking sees it.
     *
     * @param open      true when members may write now (within its hours or opened early, not closed, not read-only)
     * @param opensAt   when it next opens, when it is closed now (null when open, or when it has no next opening)
     * @param closesAt  when it closes, when it is open now (null when always open)
     * @param lastSeq   the room's latest sequence number: a client that has it has everything
     * @param lastRead  the last number this person has read (for the unread marker)
     * @param muted     until when this person may not write here (null when they may)
     */
    public record Room(long id, String code, String name, String description, Audience audience, boolean open,
                       Instant opensAt, Instant closesAt, long lastSeq, long lastRead, boolean readOnly,
                       int slowModeSeconds, boolean holdNewMembers, boolean alwaysOpen, String hoursText,
                       Instant mutedUntil) {

        public long unread() {
            return Math.max(0, lastSeq - lastRead);
        }
    }

    /**
     * A stored message. {@code seq} is null only for a message waiting for a moderator (its writer sees it; nobody
     * else does). A removed message keeps its number and has {@code deleted} true and an empty body.
     *
     * @param body the text to show (Markdown under {@code content}'s chat message policy; masked words as ***)
     */
    public record Message(long id, long roomId, Long seq, String clientId, long authorId, String author, String body,
                          Instant sentAt, Status status) {

        public boolean deleted() {
            return status == Status.DELETED || status == Status.HIDDEN;
        }

        public boolean waiting() {
            return status == Status.HELD;
        }

        /** As others see it: a removed one without its words. */
        public Message forReaders() {
            return deleted() ? new Message(id, roomId, seq, clientId, authorId, author, "", sentAt, status) : this;
        }
    }

    public enum Status {
        SHOWN,
        /** Waiting for a moderator: a filter held it, or the room holds a new member's first messages. */
        HELD,
        /** Hidden after enough reports, until a moderator decides; shown as removed. */
        HIDDEN,
        /** Removed by a moderator. */
        DELETED
    }

    /** Why a message was not sent (the API's {@code code}: the lower-case name). */
    public enum Refusal {
        CLOSED, READ_ONLY, MUTED, SLOW_MODE, TOO_LONG, EMPTY, BAD_TEXT, BLOCKED, NOT_ALLOWED, RATE_LIMITED,
        CLIENT_ID_REUSED, BAD_CLIENT_ID;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What became of a send.
     */
    public sealed interface Sent permits Stored, Refused {
    }

    /**
     * It is stored. {@code again} when this client id had been sent before with the same words (the first one is
     * returned; nothing new was stored). When the message is waiting for a moderator ({@link Message#waiting()}),
     * {@code urgent} tells the view to show help now with 999 first.
     */
    public record Stored(Message message, boolean again, boolean urgent) implements Sent {

        /** The API's code for a stored message others cannot see yet ("held"), or null when it is shown. */
        public String heldCode() {
            return message.waiting() ? (urgent ? "urgent" : "held") : null;
        }
    }

    /**
     * Not stored. {@code key} and {@code args} give the words for the writer from the bundles; {@code until} says
     * when they may try again (slow mode, muted, rate limited, closed: when it opens), else null.
     */
    public record Refused(Refusal refusal, String key, List<Object> args, Instant until) implements Sent {

        public Refused {
            args = List.copyOf(args);
        }

        public String message(Locale locale) {
            return Texts.text(locale, key, args.toArray());
        }
    }

    /** A member a moderator muted (until then) or removed, for the tools that undo it. */
    public record Restricted(long accountId, String name, Instant mutedUntil, boolean removed) {
    }

    /** Presence: who has the room open now, by display name. */
    public record Present(long accountId, String name) {
    }
}
