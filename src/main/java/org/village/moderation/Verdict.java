package org.village.moderation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the filters decided about one text, for the forum, chat and (later) the moderation queue.
 *
 * <ul>
 *   <li>{@code outcome}: the strongest thing any finding asks for (see {@link Outcome});</li>
 *   <li>{@code text}: the text to publish: the original, or with masked words replaced by ***; nothing else is
 *       ever changed;</li>
 *   <li>{@code findings}: each thing found, in order of where it is in the original text;</li>
 *   <li>{@code risk}: for an urgent verdict, the kind of risk (the first one found).</li>
 * </ul>
 */
public record Verdict(Outcome outcome, String text, List<Finding> findings, RiskKind risk) {

    /** Weakest first: a verdict's outcome is the strongest of its findings'. */
    public enum Outcome {
        /** Nothing found: publish. */
        ALLOWED,
        /** Publish the masked text. */
        MASKED,
        /** Publish, and show a moderator afterwards. */
        FLAGGED,
        /** Do not publish yet: a moderator decides; the writer is told why and keeps their text. */
        HELD,
        /** Do not publish: the writer is told the reason and keeps their text to change it. */
        BLOCKED,
        /**
         * Do not publish: urgent queue, the worker on duty sees it at once, and the writer sees 999 and help-now.
         * Stronger than blocked, so a risk is never lost behind a blocked word.
         */
        URGENT
    }

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** The verdict for these findings (any order); {@code masked} is null when nothing was masked. */
    public static Verdict of(String original, String masked, List<Finding> findings) {
        if (findings.isEmpty()) {
            return new Verdict(Outcome.ALLOWED, masked == null ? original : masked, List.of(), null); // most texts
        }
        var sorted = findings.stream().sorted(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end))
                .toList();
        var outcome = sorted.stream().map(f -> f.kind().outcome()).max(Comparator.naturalOrder()).orElse(Outcome.ALLOWED);
        var risk = sorted.stream().filter(f -> f.kind() == FindingKind.RISK).map(Finding::risk).findFirst().orElse(null);
        return new Verdict(outcome, masked == null ? original : masked, sorted, risk);
    }

    /** True when the text may be shown to others now (possibly masked, possibly flagged for a later look). */
    public boolean publishNow() {
        return outcome == Outcome.ALLOWED || outcome == Outcome.MASKED || outcome == Outcome.FLAGGED;
    }

    /** True when a moderator must see it: flagged, held or urgent. A blocked text is never stored. */
    public boolean needsModerator() {
        return outcome == Outcome.FLAGGED || outcome == Outcome.HELD || outcome == Outcome.URGENT;
    }

    public boolean urgent() {
        return outcome == Outcome.URGENT;
    }

    /** The findings of one kind. */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** True when anything of this kind was found. */
    public boolean has(FindingKind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The personal details found (held back). */
    public List<Finding> personalDetails() {
        return findings.stream().filter(f -> f.kind().personalDetail()).toList();
    }

    /** The reason to show for a blocked text: the first blocked word's. */
    public Optional<Finding> blockedBy() {
        return findings.stream().filter(f -> f.kind() == FindingKind.WATCHED_BLOCK).findFirst();
    }

    /** One hint per kind found, in the order first found, for the writer: how they could rewrite. */
    public List<String> hints(Locale locale) {
        return findings.stream().filter(f -> f.kind() != FindingKind.WATCHED_FLAG && f.kind() != FindingKind.WATCHED_MASK)
                .map(f -> f.hint(locale)).distinct().toList();
    }
}
