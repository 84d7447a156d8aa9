package org.village.forum;

import java.util.LinkedHashSet;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.village.notification.Notifications;

/**
 * Tells people what happened in the forum (issue 10, "Notifications"): the writer when a moderator approved their
 * post, and the followers of a topic, its starter and the quoted writer when a reply can be read. Each runs after the
 * post committed, from the event publication registry, so nothing is lost if the portal stops in between. Nobody is
 * told about their own post; each person hears once per reply.
 */
@Component
class ForumNotifications {

    private final Notifications notifications;
    private final ForumService forum;

    ForumNotifications(Notifications notifications, ForumService forum) {
        this.notifications = notifications;
        this.forum = forum;
    }

    @ApplicationModuleListener
    void on(PostPublished event) {
        if (event.approved()) {
            notifications.tell(event.authorId(), "forum", "notification.forum.approved", link(event.topicId(), event.postId()));
        }
    }

    @ApplicationModuleListener
    void on(ReplyPosted event) {
        var told = new LinkedHashSet<Long>();
        told.add(event.topicAuthorId());
        if (event.quotedAuthorId() != null) {
            told.add(event.quotedAuthorId());
        }
        told.addAll(forum.followersOf(event.topicId()));
        told.remove(event.authorId());
        for (long person : told) {
            notifications.tell(person, "forum", "notification.forum.reply", link(event.topicId(), event.postId()));
        }
    }

    private static String link(long topicId, long postId) {
        return "/forum/topic/" + topicId + "?post=" + postId;
    }
}
