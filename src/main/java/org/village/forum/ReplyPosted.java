package org.village.forum;

/**
 * A reply became readable in a topic. Who may want to know: the topic's followers
 * ({@link ForumService#followersOf}), the category's followers ({@link ForumService#categoryFollowersOf}), the
 * topic's starter and the author of the quoted post. The reply's own author is never told about their own reply.
 */
public record ReplyPosted(long postId, long topicId, long categoryId, long authorId, long topicAuthorId,
                          Long quotedAuthorId) {
}
