package org.village.moderation;

/**
 * What a filter found. Each kind has a plain-language hint for the writer in the interface bundles
 * ({@code moderation.hint.<kind in lower case>}) and says what it does to the post.
 */
public enum FindingKind {
    WATCHED_BLOCK(Verdict.Outcome.BLOCKED),
    WATCHED_HOLD(Verdict.Outcome.HELD),
    WATCHED_FLAG(Verdict.Outcome.FLAGGED),
    WATCHED_MASK(Verdict.Outcome.MASKED),
    PHONE(Verdict.Outcome.HELD),
    EMAIL(Verdict.Outcome.HELD),
    POSTCODE(Verdict.Outcome.HELD),
    STREET_ADDRESS(Verdict.Outcome.HELD),
    SCHOOL(Verdict.Outcome.HELD),
    FULL_NAME(Verdict.Outcome.HELD),
    RISK(Verdict.Outcome.URGENT);

    private final Verdict.Outcome outcome;

    FindingKind(Verdict.Outcome outcome) {
        this.outcome = outcome;
    }

    /** What this finding alone does to the post. */
    public Verdict.Outcome outcome() {
        return outcome;
    }

    /** A personal detail: held back with a kind explanation, the text kept. */
    public boolean personalDetail() {
        return outcome == Verdict.Outcome.HELD && this != WATCHED_HOLD;
    }

    /** The bundle key of the hint shown to the writer. */
    public String hintKey() {
        return "moderation.hint." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
