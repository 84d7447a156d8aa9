package org.village.moderation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;
import org.village.moderation.RiskKind;
import org.village.moderation.Verdict;
import org.village.moderation.WatchAction;

/**
 * Every text filter at once, over one set of lists: watched words, risk phrases, school names, first names.
 * Immutable and safe to share between threads; a new one is built when a list changes. The text is folded once
 * into words and cleaned once for the personal-detail patterns.
 */
public final class FilterEngine {

    /** A watched word or phrase, already normalised ({@link Tokens#normalise}). */
    public record Watched(String normalised, WatchAction action, String reason) {
    }

    /** A risk phrase, already normalised. */
    public record Risk(String normalised, RiskKind kind) {
    }

    private final PhraseIndex<Watched> watched = new PhraseIndex<>();
    private final PhraseIndex<RiskKind> risks = new PhraseIndex<>();
    private final PhraseIndex<String> schools = new PhraseIndex<>();
    private final PersonalDetails details;

    public FilterEngine(Collection<Watched> watchedWords, Collection<Risk> riskPhrases, Collection<String> schoolNames,
                        Set<String> firstNames) {
        watchedWords.forEach(w -> watched.add(w.normalised(), w));
        riskPhrases.forEach(r -> risks.add(r.normalised(), r.kind()));
        schoolNames.forEach(s -> schools.add(Tokens.normalise(s), s));
        this.details = new PersonalDetails(firstNames);
    }

    /** With the first names shipped in {@code moderation/first-names.txt}. */
    public FilterEngine(Collection<Watched> watchedWords, Collection<Risk> riskPhrases, Collection<String> schoolNames) {
        this(watchedWords, riskPhrases, schoolNames, PersonalDetails.defaultFirstNames());
    }

    /**
     * Checks a text. {@code familyNames}: names from the writer's own family records (children's first names),
     * held back wherever they appear as a whole word.
     */
    public Verdict check(String text, Collection<String> familyNames) {
        if (text == null || text.isEmpty()) {
            return Verdict.of("", null, List.of());
        }
        var tokens = Tokens.of(text);
        var findings = new ArrayList<Finding>();
        var masks = new ArrayList<int[]>();
        for (var hit : watched.find(tokens)) {
            var w = hit.value();
            var kind = switch (w.action()) {
                case BLOCK -> FindingKind.WATCHED_BLOCK;
                case HOLD -> FindingKind.WATCHED_HOLD;
                case FLAG -> FindingKind.WATCHED_FLAG;
                case MASK -> FindingKind.WATCHED_MASK;
            };
            findings.add(new Finding(kind, hit.start(), hit.end(), null, w.action() == WatchAction.BLOCK ? w.reason() : null));
            if (w.action() == WatchAction.MASK) {
                masks.add(new int[] {hit.start(), hit.end()});
            }
        }
        for (var hit : risks.find(tokens)) {
            findings.add(new Finding(FindingKind.RISK, hit.start(), hit.end(), hit.value(), null));
        }
        reversedRuns(text, findings);
        var personal = new ArrayList<Finding>(details.find(Cleaned.of(text)));
        for (var hit : schools.find(tokens)) {
            addUnlessOverlapping(personal, Finding.of(FindingKind.SCHOOL, hit.start(), hit.end()));
        }
        if (familyNames != null && !familyNames.isEmpty()) {
            for (var hit : familyIndex(familyNames).find(tokens)) {
                addUnlessOverlapping(personal, Finding.of(FindingKind.FULL_NAME, hit.start(), hit.end()));
            }
        }
        findings.addAll(personal);
        return Verdict.of(text, masks.isEmpty() ? null : mask(text, masks), findings);
    }

    /**
     * The index of a family's names, built once per set of names (decision 099): the same family writes again and
     * again, and its names change rarely (a changed list is another key). Read-only once built, so shared.
     */
    private PhraseIndex<String> familyIndex(Collection<String> familyNames) {
        List<String> key = new ArrayList<>(familyNames); // names may be null; never changed once a key
        var index = familyIndexes.get(key);
        if (index == null) {
            var built = new PhraseIndex<String>();
            key.forEach(n -> built.add(Tokens.normalise(n), n));
            if (familyIndexes.size() >= FAMILY_INDEXES) {
                familyIndexes.clear();
            }
            familyIndexes.put(key, built);
            index = built;
        }
        return index;
    }

    private static final int FAMILY_INDEXES = 10_000;
    private final java.util.Map<List<String>, PhraseIndex<String>> familyIndexes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A right-to-left override shows "macs" as "scam": each overridden run is also read as it is shown. Findings
     * there cover the whole run (the order of letters inside it is reversed on screen).
     */
    private void reversedRuns(String text, List<Finding> findings) {
        int from = text.indexOf('\u202E');
        while (from >= 0) {
            int end = from + 1;
            while (end < text.length() && "\u202C\u2069\n\r".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            var shown = Tokens.of(new StringBuilder(text.substring(from + 1, end)).reverse().toString());
            for (var hit : watched.find(shown)) {
                var kind = switch (hit.value().action()) {
                    case BLOCK -> FindingKind.WATCHED_BLOCK;
                    case HOLD -> FindingKind.WATCHED_HOLD;
                    case FLAG -> FindingKind.WATCHED_FLAG;
                    // masking letters shown in another order would leave the rest garbled: hold it instead
                    case MASK -> FindingKind.WATCHED_HOLD;
                };
                findings.add(new Finding(kind, from, end, null, hit.value().action() == WatchAction.BLOCK ? hit.value().reason() : null));
            }
            for (var hit : risks.find(shown)) {
                findings.add(new Finding(FindingKind.RISK, from, end, hit.value(), null));
            }
            from = text.indexOf('\u202E', end);
        }
    }

    private static void addUnlessOverlapping(List<Finding> found, Finding f) {
        if (found.stream().noneMatch(o -> o.start() < f.end() && f.start() < o.end()
                && (o.kind() == f.kind() || o.kind() == FindingKind.SCHOOL || f.kind() == FindingKind.FULL_NAME))) {
            found.add(f);
        }
    }

    /** The text with each masked range replaced by ***; nothing else changes. */
    static String mask(String text, List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        var out = new StringBuilder(text.length());
        int at = 0;
        for (int[] r : ranges) {
            if (r[1] <= at) {
                continue;
            }
            out.append(text, at, Math.max(at, r[0])).append("***");
            at = r[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    public int watchedCount() {
        return watched.size();
    }
}
