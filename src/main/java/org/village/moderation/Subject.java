package org.village.moderation;

/**
 * Something a person wrote that moderators may act on, named by the module that owns it: a forum post now, a chat
 * message next. Moderation never reads those modules' tables; it asks the owner through {@link ModeratedContent}.
 */
public record Subject(String kind, long id) {

    public static final String FORUM_POST = "forum-post";
    public static final String CHAT_MESSAGE = "chat-message";

    public Subject {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind");
        }
    }

    public static Subject forumPost(long id) {
        return new Subject(FORUM_POST, id);
    }

    public static Subject chatMessage(long id) {
        return new Subject(CHAT_MESSAGE, id);
    }
}
