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
     * {@code status} is PUBLISHED, PENDING or HELD; {@code title} (null: unchanged) and {@code body} are the text to
     * keep (a filter may mask words); {@code reason} is for moderators (never shown to other parents), or null;
     * {@code raise} is the case moderators should see once the post has its id (null: none); {@code filters} is what
     * the text filters found, so the writer can be told how to rewrite (null when no filter ran).
     */
    record Verdict(PostStatus status, String title, String body, String reason, Case raise,
                   org.village.moderation.Verdict filters) {

        public Verdict(PostStatus status, String body, String reason) {
            this(status, null, body, reason, null, null);
        }

        public static Verdict publish(String body) {
            return new Verdict(PostStatus.PUBLISHED, body, null);
        }
    }

    /**
     * A case for the moderation queue, opened by the forum in the write's transaction once the post exists:
     * URGENT (a risk phrase), HELD (personal details, a hold word) or REPORTED (a flag word: published, then looked at).
     */
    record Case(org.village.moderation.CaseKind kind, String reason, org.village.moderation.RiskKind risk) {
    }
}
