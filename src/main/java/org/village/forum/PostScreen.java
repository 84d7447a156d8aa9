package org.village.forum;

import org.village.shared.InputProblem;

/**
 * A check every new or edited post goes through before it gets its status (decision 078). Moderation's filters
 * (watched words, personal details, risk phrases) implement this as Spring beans; {@link ForumService} calls each in
 * order and the strictest verdict wins. With none, established members' posts are published and new members' are
 * pre-moderated.
 */
public interface PostScreen {

    /**
     * The verdict on a post about to be saved. Throw {@link InputProblem} to refuse it (a "block" word: the writer
     * sees the reason and keeps their text).
     */
    Verdict screen(Candidate post);

    /** What is being written: {@code title} only when it starts a topic; {@code postId} only for an edit. */
    record Candidate(long authorId, long topicId, Long postId, String title, String body, boolean newMember) {
    }

    /**
     * {@code status} is PUBLISHED, PENDING or HELD; {@code body} is the text to keep (a filter may mask words);
     * {@code reason} is for moderators (never shown to other parents), or null.
     */
    record Verdict(PostStatus status, String body, String reason) {
        public static Verdict publish(String body) {
            return new Verdict(PostStatus.PUBLISHED, body, null);
        }
    }
}
