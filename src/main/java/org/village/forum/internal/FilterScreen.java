package org.village.forum.internal;

import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.village.forum.PostScreen;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;
import org.village.moderation.TextFilters;
import org.village.moderation.Verdict.Outcome;
import org.village.moderation.Writer;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.village.shared.Capability;
import org.village.shared.InputProblem;

/**
 * Moderation's text filters on every forum post (decision 079): the title and the body are checked with the writer
 * (so names from their own family records are held back too), and the verdict becomes a post status:
 * <ul>
 *   <li>allowed, masked, flagged: published with the masked text; a flag also opens a REPORTED case;</li>
 *   <li>held (personal details, hold words): HELD, with a HELD case;</li>
 *   <li>blocked: refused with the worker's reason, the writer keeps their text;</li>
 *   <li>urgent (a risk phrase): HELD, with an URGENT case that reaches the worker on duty at once.</li>
 * </ul>
 * Moderators' own posts are only masked and blocked: they write service numbers and talk about risk to help.
 */
@Component
@Order(100)
class FilterScreen implements PostScreen {

    private final TextFilters filters;
    private final CurrentUser currentUser;

    FilterScreen(TextFilters filters, CurrentUser currentUser) {
        this.filters = filters;
        this.currentUser = currentUser;
    }

    @Override
    public Verdict screen(Candidate post) {
        VillageUser me = currentUser.get().filter(u -> u.id() == post.authorId()).orElse(null);
        Writer writer = me == null ? new Writer(post.authorId(), null) : Writer.of(me);
        var onTitle = post.title() == null ? null : filters.check(post.title(), writer);
        var onBody = filters.check(post.body(), writer);
        return decide(onTitle, onBody, me != null && me.can(Capability.MODERATE));
    }

    /** The mapping from the filters' verdicts on the title (null for a reply or an edit) and body to a status. */
    static Verdict decide(org.village.moderation.Verdict onTitle, org.village.moderation.Verdict onBody, boolean moderator) {
        var strongest = onTitle != null && onTitle.outcome().compareTo(onBody.outcome()) > 0 ? onTitle : onBody;
        Outcome outcome = strongest.outcome();
        String title = onTitle == null ? null : onTitle.text();
        if (moderator && outcome != Outcome.BLOCKED) {
            // staff are not held by their own filters; a blocked word is still refused below
            var blocked = onTitle != null && onTitle.blockedBy().isPresent() ? onTitle : onBody.blockedBy().isPresent() ? onBody : null;
            if (blocked == null) {
                return new Verdict(PostStatus.PUBLISHED, title, onBody.text(), null, null, null);
            }
            strongest = blocked;
            outcome = Outcome.BLOCKED;
        }
        return switch (outcome) {
            case ALLOWED, MASKED -> new Verdict(PostStatus.PUBLISHED, title, onBody.text(), null, null, strongest);
            case FLAGGED -> new Verdict(PostStatus.PUBLISHED, title, onBody.text(), reason("flagged", onTitle, onBody),
                    new Case(CaseKind.REPORTED, reason("flagged", onTitle, onBody), null), strongest);
            case HELD -> new Verdict(PostStatus.HELD, title, onBody.text(), reason("held", onTitle, onBody),
                    new Case(CaseKind.HELD, reason("held", onTitle, onBody), null), strongest);
            case URGENT -> new Verdict(PostStatus.HELD, title, onBody.text(), reason("urgent", onTitle, onBody),
                    new Case(CaseKind.URGENT, reason("urgent", onTitle, onBody), strongest.risk()), strongest);
            case BLOCKED -> {
                Finding by = strongest.blockedBy().orElseThrow();
                String why = by.reason() == null || by.reason().isBlank() ? "" : by.reason();
                throw InputProblem.keyed(strongest == onTitle ? "title" : "body", "moderation.hint.watched-block", why);
            }
        };
    }

    /**
     * For moderators only: which filters spoke, by kind and risk, with the worker's own reason for a watched word.
     * The words themselves are not repeated here (the queue shows the post, and reasons may reach logs).
     */
    private static String reason(String what, org.village.moderation.Verdict onTitle, org.village.moderation.Verdict onBody) {
        var kinds = new LinkedHashSet<String>();
        for (var v : new org.village.moderation.Verdict[] {onTitle, onBody}) {
            if (v == null) {
                continue;
            }
            for (Finding f : v.findings()) {
                if (f.kind() == FindingKind.WATCHED_MASK) {
                    continue;
                }
                String kind = f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                if (f.kind() == FindingKind.RISK && f.risk() != null) {
                    kind += " (" + f.risk().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
                } else if (f.reason() != null && !f.reason().isBlank()) {
                    kind += " (" + f.reason().strip() + ")";
                }
                kinds.add(kind);
            }
        }
        String text = what + ": " + kinds.stream().collect(Collectors.joining(", "));
        return text.length() > 480 ? text.substring(0, 480) + "…" : text;
    }
}
