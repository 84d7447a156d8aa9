package org.village.guides;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The values the guides module hands to views and other modules. */
public final class Guides {

    private Guides() {
    }

    public static final String KIND_GUIDE = "guide";
    public static final String KIND_PATHWAY = "pathway";

    public record Category(String code, String name, String description) {
    }

    public record GuideSummary(String slug, String title, String summary, String categoryCode, String kind) {
    }

    /** A published guide ready to show: {@code html} is sanitised and has glossary terms marked. */
    public record GuidePage(long id, String slug, String title, String summary, Category category, String kind,
                            String html, LocalDate lastChecked, boolean sample, List<GuideSummary> related,
                            Instant publishedAt, String language, List<String> languages) {
        public boolean isPathway() {
            return KIND_PATHWAY.equals(kind);
        }
    }

    /** What a worker types in the editor. */
    public record GuideEdit(String slug, String categoryCode, String kind, String title, String summary, String body,
                            List<String> related, LocalDate lastChecked) {
        public GuideEdit {
            related = related == null ? List.of() : List.copyOf(related);
        }
    }

    /** The working copy a worker edits, with the version it was read at (for optimistic locking). */
    public record GuideDraft(long id, GuideEdit edit, long version, boolean published, boolean changedSincePublished,
                             Instant updatedAt, String updatedBy, Instant publishedAt, String publishedBy) {
    }

    public record EditorRow(long id, String slug, String title, String categoryCode, boolean published,
                            boolean changedSincePublished, Instant updatedAt, String updatedBy) {
    }

    public record Revision(long id, int number, String title, String note, Instant savedAt, String savedBy) {
    }

    /** A piece of text around a match: show {@code match} highlighted between the other two. */
    public record Snippet(String before, String match, String after) {
        public String text() {
            return before + match + after;
        }
    }

    public enum HitKind { GUIDE, TERM }

    /** {@code key} is the guide's slug or the glossary term's anchor. */
    public record SearchHit(HitKind kind, String key, String title, Snippet snippet) {
    }

    /**
     * {@code corrected}: what was searched instead, because what was typed found nothing and a typo fix did (null
     * otherwise). {@code didYouMean}: a typo fix that finds more than what was typed, to offer as a link (null when
     * it would not help). Real words and known terms are never changed (decision 045).
     */
    public record SearchResult(String query, String corrected, String didYouMean, List<SearchHit> hits) {
    }

    /**
     * Jargon-buster entries for a filter. {@code corrected}: the words searched instead when what was typed matched
     * nothing and a typo fix did (null otherwise). Empty {@code terms} for a filter means nothing matched.
     */
    public record TermFilter(String typed, String corrected, List<GlossaryTerm> terms) {
    }

    /** A guide's translation into one language, as a worker edits it. */
    public record Translation(long guideId, String language, String title, String summary, String body,
                              boolean published, long version) {
    }

    public record GlossaryEdit(String term, String meaning, String forYou, List<String> alsoKnownAs) {
    }
}
