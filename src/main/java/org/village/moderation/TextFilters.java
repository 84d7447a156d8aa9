package org.village.moderation;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.village.families.FamilyService;
import org.village.moderation.internal.FilterEngine;
import org.village.moderation.internal.ListStore;
import org.village.moderation.internal.Tokens;

/**
 * The one entry point for every text a person posts (forum posts, chat messages): {@link #check} runs every filter
 * and returns a {@link Verdict}. The lists are cached in memory as one compiled {@link FilterEngine}: a change on this
 * node rebuilds it at once, a change on another node within {@code village.moderation.lists-check-every} (2 s),
 * seen through a counter in the database (decision 074).
 */
@Service
public class TextFilters {

    private final ListStore store;
    private final FamilyService families;
    private final long checkEveryNanos;
    private volatile Snapshot snapshot;

    private record Snapshot(FilterEngine engine, long version, long checkedAt) {
    }

    TextFilters(ListStore store, FamilyService families,
                @Value("${village.moderation.lists-check-every:2s}") Duration checkEvery) {
        this.store = store;
        this.families = families;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    /**
     * Runs every filter over the text. The text itself is never changed, except that masked words are replaced by
     * *** in {@link Verdict#text()}; findings give ranges in the original text and a hint for the writer.
     *
     * @param writer who wrote it: names from their own family records are held back too
     */
    public Verdict check(String text, Writer writer) {
        return engine().check(text, familyNames(writer));
    }

    /** The folded form the lists store and match: what a worker's phrase will catch. */
    public static String normalise(String phrase) {
        return Tokens.normalise(phrase);
    }

    /** Drops the cached lists now (this node's own edits call it). */
    void forget() {
        snapshot = null;
    }

    FilterEngine engine() {
        var s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < checkEveryNanos) {
            return s.engine();
        }
        long version = store.version();
        if (s != null && s.version() == version) {
            snapshot = new Snapshot(s.engine(), version, now);
            return s.engine();
        }
        var engine = new FilterEngine(
                store.watched().stream().map(w -> new FilterEngine.Watched(Tokens.normalise(w.phrase()), w.action(), w.reason())).toList(),
                store.risks().stream().map(r -> new FilterEngine.Risk(Tokens.normalise(r.phrase()), r.kind())).toList(),
                store.schools().stream().map(ListStore.SchoolRow::name).toList());
        snapshot = new Snapshot(engine, version, now);
        return engine;
    }

    /**
     * The children's names of the writer's family, when the writer may see that family. Kept for
     * {@link #NAMES_KEPT} per family (decision 048: the lookup was most of a post's filter time); a name added to a
     * family record is held back from posts at most that much later.
     */
    private List<String> familyNames(Writer writer) {
        if (writer == null || writer.familyId() == null || !families.canSee(writer.familyId())) {
            return List.of();
        }
        long now = System.nanoTime();
        var kept = names.get(writer.familyId());
        if (kept != null && now - kept.at() < NAMES_KEPT.toNanos()) {
            return kept.names();
        }
        var fresh = families.family(writer.familyId()).children().stream().map(FamilyService.ChildSummary::name).toList();
        names.put(writer.familyId(), new Names(fresh, now));
        return fresh;
    }

    static final Duration NAMES_KEPT = Duration.ofSeconds(30);

    private record Names(List<String> names, long at) {
    }

    /** Families' children's names, the 10,000 most recently used. */
    private final java.util.Map<Long, Names> names = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, Names> eldest) {
                    return size() > 10_000;
                }
            });
}
